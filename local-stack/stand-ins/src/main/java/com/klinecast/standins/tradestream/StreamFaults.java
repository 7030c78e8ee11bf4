package com.klinecast.standins.tradestream;

import java.time.Duration;
import java.util.Set;

/**
 * What goes wrong during a replay, scripted so a test can count on it. Trade positions are indices into the
 * recording (0 is its first trade).
 *
 * @param dropAfter positions after whose frame the server cuts the connection without a close frame
 * @param shutdownAfter positions after whose frame the server announces {@code serverShutdown}, and closes (1001)
 *     five trades later, as Binance does before maintenance
 * @param duplicateEvery every n-th trade is sent twice (0: none)
 * @param swapEvery every n-th trade is sent after its successor instead of before (0: none)
 * @param refuseFirst connection attempts whose handshake is refused before one is accepted
 * @param maxAge a connection older than this (stream time) is closed, as Binance closes after 24 hours (null: none)
 * @param latePongAfter positions after which the server drops the client (1008) as if its pong came too late
 * @param holdAfter the position after which the stream goes silent, the connection open, until the replay is closed
 *     (-1: never), so a test can stop the collector in the middle of a minute
 * @param silentAfter positions after which the connection dies silently: no frame, no close, its pings unanswered
 *     (what a dead network path looks like); the replay goes on on the client's next connection
 */
public record StreamFaults(Set<Integer> dropAfter, Set<Integer> shutdownAfter, int duplicateEvery, int swapEvery,
        int refuseFirst, Duration maxAge, Set<Integer> latePongAfter, int holdAfter, Set<Integer> silentAfter) {

    public static final StreamFaults NONE = new StreamFaults(Set.of(), Set.of(), 0, 0, 0, null, Set.of(), -1,
            Set.of());

    public StreamFaults {
        dropAfter = Set.copyOf(dropAfter);
        shutdownAfter = Set.copyOf(shutdownAfter);
        latePongAfter = Set.copyOf(latePongAfter);
        silentAfter = Set.copyOf(silentAfter);
    }

    public StreamFaults droppingAfter(Integer... positions) {
        return new StreamFaults(Set.of(positions), shutdownAfter, duplicateEvery, swapEvery, refuseFirst, maxAge,
                latePongAfter, holdAfter, silentAfter);
    }

    public StreamFaults shuttingDownAfter(Integer... positions) {
        return new StreamFaults(dropAfter, Set.of(positions), duplicateEvery, swapEvery, refuseFirst, maxAge,
                latePongAfter, holdAfter, silentAfter);
    }

    public StreamFaults duplicatingEvery(int n) {
        return new StreamFaults(dropAfter, shutdownAfter, n, swapEvery, refuseFirst, maxAge, latePongAfter, holdAfter,
                silentAfter);
    }

    public StreamFaults swappingEvery(int n) {
        return new StreamFaults(dropAfter, shutdownAfter, duplicateEvery, n, refuseFirst, maxAge, latePongAfter,
                holdAfter, silentAfter);
    }

    public StreamFaults refusingFirst(int n) {
        return new StreamFaults(dropAfter, shutdownAfter, duplicateEvery, swapEvery, n, maxAge, latePongAfter,
                holdAfter, silentAfter);
    }

    public StreamFaults withMaxAge(Duration age) {
        return new StreamFaults(dropAfter, shutdownAfter, duplicateEvery, swapEvery, refuseFirst, age, latePongAfter,
                holdAfter, silentAfter);
    }

    public StreamFaults holdingAfter(int position) {
        return new StreamFaults(dropAfter, shutdownAfter, duplicateEvery, swapEvery, refuseFirst, maxAge,
                latePongAfter, position, silentAfter);
    }

    public StreamFaults pongTooLateAfter(Integer... positions) {
        return new StreamFaults(dropAfter, shutdownAfter, duplicateEvery, swapEvery, refuseFirst, maxAge,
                Set.of(positions), holdAfter, silentAfter);
    }

    public StreamFaults silencingAfter(Integer... positions) {
        return new StreamFaults(dropAfter, shutdownAfter, duplicateEvery, swapEvery, refuseFirst, maxAge,
                latePongAfter, holdAfter, Set.of(positions));
    }
}
