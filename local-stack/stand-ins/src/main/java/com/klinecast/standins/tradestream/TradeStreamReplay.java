package com.klinecast.standins.tradestream;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;

/**
 * Binance's combined trade stream on loopback, played from a trades archive: {@code /stream?streams=x@trade} frames
 * on a {@link CompressedClock}, a ping every 20 s, and scripted {@link StreamFaults}. Like the live
 * stream it does not wait for anyone: trades due while no client is connected are still "sent" (to nobody), except
 * that an unthrottled replay (speed 0) waits for a client, so a test sees every trade that is not faulted away. It
 * ends the stream with a normal closure (1000, "end of replay") once the file is played.
 *
 * <p>Here the player thread: the file's position, the clock, the scripted faults; the server and its set of
 * connections are {@link ReplayConnections}.
 */
public final class TradeStreamReplay implements AutoCloseable {

    /** Binance pings every 20 s of real time; so does a throttled replay, whatever its speed. */
    static final long PING_EVERY_NANOS = TimeUnit.SECONDS.toNanos(20);
    /** An unthrottled replay has no real time to speak of: it pings every this many trades. */
    static final int PING_EVERY_TRADES = 100;
    public static final String END_OF_REPLAY = "end of replay";
    /** Trades still sent on a connection after its serverShutdown notice, as Binance keeps it up a while. */
    static final int SHUTDOWN_GRACE_TRADES = 5;

    private final String symbol;
    private final List<RecordedTrade> trades;
    private final CompressedClock clock;
    private final StreamFaults faults;
    private final ReplayConnections connections;
    private final Thread player;
    private final CountDownLatch played = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(1);
    private volatile boolean closing;
    private List<WebSocket> shuttingDown = List.of();
    private int closeShutDownAt = -1;
    private long nextPing;
    private volatile RuntimeException failure;

    private TradeStreamReplay(String symbol, List<RecordedTrade> trades, double speed, StreamFaults faults) {
        if (trades.isEmpty()) {
            throw new IllegalArgumentException("no trades to replay");
        }
        this.symbol = symbol;
        this.trades = trades;
        // A minute before the first trade's minute: a client connecting at the start sees that minute whole.
        this.clock = new CompressedClock(trades.get(0).time() / 60_000 * 60_000 - 60_000, speed);
        this.faults = faults;
        this.connections = new ReplayConnections(symbol, clock, faults.refuseFirst());
        this.player = new Thread(this::play, "trade-replay");
        this.player.setDaemon(true);
    }

    /** Serves {@code file} (Binance's trades archive of {@code symbol}) on a free loopback port. */
    public static TradeStreamReplay start(String symbol, Path file, double speed, StreamFaults faults) {
        TradeStreamReplay replay = new TradeStreamReplay(symbol, RecordedTrade.read(file), speed, faults);
        replay.connections.start();
        replay.player.start();
        return replay;
    }

    /** The base URL a collector is given (it appends {@code /stream?streams=...}). */
    public URI baseUrl() {
        return connections.baseUrl();
    }

    public CompressedClock clock() {
        return clock;
    }

    /** Connection attempts, refused ones included. */
    public int attempts() {
        return connections.attempts();
    }

    public int connectionsAccepted() {
        return connections.accepted();
    }

    public int pingsSent() {
        return connections.pingsSent();
    }

    public int pongsReceived() {
        return connections.pongsReceived();
    }

    /** What stopped the replay before its end, if anything did. */
    public RuntimeException failure() {
        return failure;
    }

    /** Waits until every trade has been sent; false if {@code timeout} passed first. */
    public boolean awaitPlayed(Duration timeout) throws InterruptedException {
        return played.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the replay holds after {@link StreamFaults#holdAfter()}; false if {@code timeout} passed first. */
    public boolean awaitHolding(Duration timeout) throws InterruptedException {
        return holding.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closing = true;
        player.interrupt();
        connections.close();
    }

    private void play() {
        try {
            connections.awaitClient();
            clock.start();
            nextPing = System.nanoTime() + PING_EVERY_NANOS;
            for (int i = 0; i < trades.size() && !closing; i++) {
                RecordedTrade trade = trades.get(i);
                // Out of order only within a second: later than that the live stream does not deliver a trade.
                boolean swap = faults.swapEvery() > 0 && i % faults.swapEvery() == faults.swapEvery() - 1
                        && i + 1 < trades.size() && trades.get(i + 1).time() - trade.time() <= 1_000;
                RecordedTrade first = swap ? trades.get(i + 1) : trade;
                waitFor(first.time());
                clock.advanceTo(first.time());
                if (!clock.throttled() && i % PING_EVERY_TRADES == PING_EVERY_TRADES - 1) {
                    connections.pingAll();
                }
                if (swap) {
                    send(first, first.time());
                }
                sendAfterFaults(trade, i, first.time());
                if (swap) {
                    i++;
                }
                if (i == faults.holdAfter()) {
                    holding.countDown();
                    while (!closing) {
                        Thread.sleep(100);
                    }
                }
            }
            connections.drained(TimeUnit.SECONDS.toNanos(5));
            for (WebSocket client : connections.all()) {
                client.close(CloseFrame.NORMAL, END_OF_REPLAY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            System.err.println("trade-stream replay failed: " + e);
        } finally {
            played.countDown();
        }
    }

    private void sendAfterFaults(RecordedTrade trade, int position, long now) throws InterruptedException {
        send(trade, now);
        if (faults.duplicateEvery() > 0 && position % faults.duplicateEvery() == 0) {
            send(trade, now);
        }
        ageLimit(now);
        if (faults.dropAfter().contains(position)) {
            for (WebSocket client : connections.all()) {
                connections.forget(client);
                client.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the replay");
            }
            connections.awaitClient();
        }
        if (faults.silentAfter().contains(position)) {
            for (WebSocket client : connections.all()) {
                connections.silence(client);
            }
            connections.awaitClient();
        }
        if (faults.latePongAfter().contains(position)) {
            for (WebSocket client : connections.all()) {
                connections.forget(client);
                client.close(CloseFrame.POLICY_VALIDATION, "pong timeout");
            }
            connections.awaitClient();
        }
        if (faults.shutdownAfter().contains(position)) {
            shuttingDown = new ArrayList<>(connections.all());
            for (WebSocket client : shuttingDown) {
                client.send("{\"e\":\"serverShutdown\",\"E\":" + now + "}");
            }
            closeShutDownAt = position + SHUTDOWN_GRACE_TRADES;
        }
        if (position == closeShutDownAt) {
            // A client that reconnects on the notice has its new connection up before the old one goes.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline && shuttingDown.containsAll(connections.counted().keySet())) {
                TimeUnit.MILLISECONDS.sleep(1);
            }
            // A pong on the new connection: its client reads it, so it has seen that connection open.
            connections.pingAll();
            connections.drained(TimeUnit.SECONDS.toNanos(1));
            for (WebSocket client : shuttingDown) {
                connections.forget(client);
                client.close(CloseFrame.GOING_AWAY, "server shutdown");
            }
        }
    }

    private void ageLimit(long now) throws InterruptedException {
        if (faults.maxAge() == null) {
            return;
        }
        for (Map.Entry<WebSocket, Long> entry : connections.counted().entrySet()) {
            if (now - entry.getValue() >= faults.maxAge().toMillis()) {
                connections.forget(entry.getKey());
                entry.getKey().close(CloseFrame.GOING_AWAY, "connection older than " + faults.maxAge());
            }
        }
        connections.awaitClient();
    }

    private void send(RecordedTrade trade, long eventTime) throws InterruptedException {
        awaitClientIfUnthrottled();
        connections.sendToAll(trade.frame(symbol, eventTime));
        if (!clock.throttled()) {
            connections.drained(TimeUnit.SECONDS.toNanos(1));
        }
    }

    /** Sleeps until a throttled clock reaches {@code tradeTime}, pinging on time meanwhile. */
    private void waitFor(long tradeTime) throws InterruptedException {
        if (!clock.throttled()) {
            return;
        }
        for (long nanos = clock.wallNanosUntil(tradeTime); ; nanos = clock.wallNanosUntil(tradeTime)) {
            if (System.nanoTime() >= nextPing) {
                connections.pingAll();
                nextPing += PING_EVERY_NANOS;
            }
            if (nanos <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(nanos, Math.max(0, nextPing - System.nanoTime()) + 1));
        }
    }

    private void awaitClientIfUnthrottled() throws InterruptedException {
        if (!clock.throttled()) {
            connections.awaitClient();
        }
    }
}
