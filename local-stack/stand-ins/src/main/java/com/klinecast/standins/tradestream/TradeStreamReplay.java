package com.klinecast.standins.tradestream;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.java_websocket.handshake.ServerHandshakeBuilder;

/**
 * Binance's combined trade stream on loopback, played from a trades archive: {@code /stream?streams=x@trade} frames
 * on a {@link CompressedClock}, a ping every 20 s, and scripted {@link StreamFaults}. Like the live
 * stream it does not wait for anyone: trades due while no client is connected are still "sent" (to nobody), except
 * that an unthrottled replay (speed 0) waits for a client, so a test sees every trade that is not faulted away. It
 * ends the stream with a normal closure (1000, "end of replay") once the file is played.
 *
 * <p>One class, over 300 lines: the WebSocket server's callbacks, the player thread and the faults share one set of
 * connections and one position in the file; split, each part would reach into the others' state.
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
    private final Server server;
    private final Thread player;
    private final Map<WebSocket, Long> openedAt = new ConcurrentHashMap<>();
    /** Connections gone silent (a scripted dead path): sent nothing, pinged no more, their pings unanswered. */
    private final Set<WebSocket> silent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicInteger pongs = new AtomicInteger();
    private final CountDownLatch played = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(1);
    private final Object clients = new Object();
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
        this.server = new Server();
        this.player = new Thread(this::play, "trade-replay");
        this.player.setDaemon(true);
    }

    /** Serves {@code file} (Binance's trades archive of {@code symbol}) on a free loopback port. */
    public static TradeStreamReplay start(String symbol, Path file, double speed, StreamFaults faults) {
        TradeStreamReplay replay = new TradeStreamReplay(symbol, RecordedTrade.read(file), speed, faults);
        replay.server.setReuseAddr(true);
        replay.server.setConnectionLostTimeout(0);
        replay.server.setDaemon(true);
        replay.server.start();
        try {
            if (!replay.server.started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the trade-stream replay did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        replay.player.start();
        return replay;
    }

    /** The base URL a collector is given (it appends {@code /stream?streams=...}). */
    public URI baseUrl() {
        return URI.create("ws://127.0.0.1:" + server.getPort());
    }

    public CompressedClock clock() {
        return clock;
    }

    /** Connection attempts, refused ones included. */
    public int attempts() {
        return attempts.get();
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    public int pingsSent() {
        return pings.get();
    }

    public int pongsReceived() {
        return pongs.get();
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
        try {
            server.stop(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void play() {
        try {
            awaitClient();
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
                    pingAll();
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
            drained(TimeUnit.SECONDS.toNanos(5));
            for (WebSocket client : server.getConnections()) {
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
            for (WebSocket client : server.getConnections()) {
                openedAt.remove(client);
                client.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the replay");
            }
            awaitClient();
        }
        if (faults.silentAfter().contains(position)) {
            for (WebSocket client : server.getConnections()) {
                openedAt.remove(client);
                silent.add(client);
            }
            awaitClient();
        }
        if (faults.latePongAfter().contains(position)) {
            for (WebSocket client : server.getConnections()) {
                openedAt.remove(client);
                client.close(CloseFrame.POLICY_VALIDATION, "pong timeout");
            }
            awaitClient();
        }
        if (faults.shutdownAfter().contains(position)) {
            shuttingDown = new ArrayList<>(server.getConnections());
            for (WebSocket client : shuttingDown) {
                client.send("{\"e\":\"serverShutdown\",\"E\":" + now + "}");
            }
            closeShutDownAt = position + SHUTDOWN_GRACE_TRADES;
        }
        if (position == closeShutDownAt) {
            // A client that reconnects on the notice has its new connection up before the old one goes.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline && shuttingDown.containsAll(openedAt.keySet())) {
                TimeUnit.MILLISECONDS.sleep(1);
            }
            // A pong on the new connection: its client reads it, so it has seen that connection open.
            pingAll();
            drained(TimeUnit.SECONDS.toNanos(1));
            for (WebSocket client : shuttingDown) {
                openedAt.remove(client);
                client.close(CloseFrame.GOING_AWAY, "server shutdown");
            }
        }
    }

    private void ageLimit(long now) throws InterruptedException {
        if (faults.maxAge() == null) {
            return;
        }
        for (Map.Entry<WebSocket, Long> entry : openedAt.entrySet()) {
            if (now - entry.getValue() >= faults.maxAge().toMillis()) {
                openedAt.remove(entry.getKey());
                entry.getKey().close(CloseFrame.GOING_AWAY, "connection older than " + faults.maxAge());
            }
        }
        awaitClient();
    }

    private void send(RecordedTrade trade, long eventTime) throws InterruptedException {
        awaitClientIfUnthrottled();
        String frame = trade.frame(symbol, eventTime);
        for (WebSocket client : server.getConnections()) {
            if (client.isOpen() && !silent.contains(client)) {
                client.send(frame);
            }
        }
        if (!clock.throttled()) {
            drained(TimeUnit.SECONDS.toNanos(1));
        }
    }

    /**
     * Waits (at most {@code nanos}) until the clients have taken every frame sent and answered every ping: an
     * unthrottled replay runs no further ahead than its slowest client reads, and ends only once all is read.
     */
    private void drained(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (System.nanoTime() < deadline && server.getConnections().stream().anyMatch(c -> c.isOpen()
                && !silent.contains(c) && (c.hasBufferedData() || c.<AtomicInteger>getAttachment().get() > 0))) {
            TimeUnit.MICROSECONDS.sleep(200);
        }
    }

    private void pingAll() {
        for (WebSocket client : server.getConnections()) {
            if (client.isOpen() && !silent.contains(client)) {
                client.<AtomicInteger>getAttachment().incrementAndGet();
                client.sendPing();
                pings.incrementAndGet();
            }
        }
    }

    /** Sleeps until a throttled clock reaches {@code tradeTime}, pinging on time meanwhile. */
    private void waitFor(long tradeTime) throws InterruptedException {
        if (!clock.throttled()) {
            return;
        }
        for (long nanos = clock.wallNanosUntil(tradeTime); ; nanos = clock.wallNanosUntil(tradeTime)) {
            if (System.nanoTime() >= nextPing) {
                pingAll();
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
            awaitClient();
        }
    }

    private void awaitClient() throws InterruptedException {
        synchronized (clients) {
            while (openedAt.isEmpty() && !closing) {
                clients.wait(100);
            }
        }
    }

    private final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                ClientHandshake request) throws InvalidDataException {
            int attempt = attempts.incrementAndGet();
            if (attempt <= faults.refuseFirst()) {
                throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "too many connection attempts");
            }
            String expected = "/stream?streams=" + symbol.toLowerCase(java.util.Locale.ROOT) + "@trade";
            if (!request.getResourceDescriptor().equals(expected)) {
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "this replay serves " + expected);
            }
            return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.setAttachment(new AtomicInteger());
            synchronized (clients) {
                openedAt.put(conn, clock.millis());
                accepted.incrementAndGet();
                clients.notifyAll();
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            openedAt.remove(conn);
            silent.remove(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            // Binance answers subscription requests; this replay's streams come from the URL only.
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata ping) {
            if (!silent.contains(conn)) {
                super.onWebsocketPing(conn, ping);
            }
        }

        @Override
        public void onWebsocketPong(WebSocket conn, Framedata pong) {
            conn.<AtomicInteger>getAttachment().decrementAndGet();
            pongs.incrementAndGet();
        }

        @Override
        public void onError(WebSocket conn, Exception e) {
            // A client gone mid-send; the replay goes on for the others.
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
