package com.klinecast.standins.tradestream;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The replay's WebSocket server and its connections: which are open and since when, which went silent (a scripted
 * dead path: sent nothing, pinged no more, their pings unanswered), and the pings each still owes a pong for.
 */
final class ReplayConnections {

    private final String symbol;
    private final CompressedClock clock;
    private final int refuseFirst;
    private final Server server = new Server();
    private final Map<WebSocket, Long> openedAt = new ConcurrentHashMap<>();
    private final Set<WebSocket> silent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicInteger pongs = new AtomicInteger();
    private final Object clients = new Object();
    private volatile boolean closing;

    /** @param refuseFirst connection attempts refused before any is accepted */
    ReplayConnections(String symbol, CompressedClock clock, int refuseFirst) {
        this.symbol = symbol;
        this.clock = clock;
        this.refuseFirst = refuseFirst;
    }

    /** Starts the server on a free loopback port and waits for it to listen. */
    void start() {
        server.setReuseAddr(true);
        server.setConnectionLostTimeout(0);
        server.setDaemon(true);
        server.start();
        try {
            if (!server.started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the trade-stream replay did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI baseUrl() {
        return URI.create("ws://127.0.0.1:" + server.getPort());
    }

    int attempts() {
        return attempts.get();
    }

    int accepted() {
        return accepted.get();
    }

    int pingsSent() {
        return pings.get();
    }

    int pongsReceived() {
        return pongs.get();
    }

    Collection<WebSocket> all() {
        return server.getConnections();
    }

    /** The open connections that still count (neither silenced nor dropped by the replay), with their open time. */
    Map<WebSocket, Long> counted() {
        return openedAt;
    }

    /** No longer counted as open: the replay is closing it, or it has been closed. */
    void forget(WebSocket client) {
        openedAt.remove(client);
    }

    /** Sends nothing to it any more, and leaves its pings unanswered. */
    void silence(WebSocket client) {
        openedAt.remove(client);
        silent.add(client);
    }

    void sendToAll(String frame) {
        for (WebSocket client : server.getConnections()) {
            if (client.isOpen() && !silent.contains(client)) {
                try {
                    client.send(frame);
                } catch (WebsocketNotConnectedException closedMeanwhile) {
                    // The client closed it between the check and the send (a rotation): the exchange drops the frame.
                }
            }
        }
    }

    void pingAll() {
        for (WebSocket client : server.getConnections()) {
            if (client.isOpen() && !silent.contains(client)) {
                client.<AtomicInteger>getAttachment().incrementAndGet();
                try {
                    client.sendPing();
                    pings.incrementAndGet();
                } catch (WebsocketNotConnectedException closedMeanwhile) {
                    // As above; a closed connection is no longer waited for.
                }
            }
        }
    }

    /**
     * Waits (at most {@code nanos}) until the clients have taken every frame sent and answered every ping: an
     * unthrottled replay runs no further ahead than its slowest client reads, and ends only once all is read.
     */
    void drained(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (System.nanoTime() < deadline && server.getConnections().stream().anyMatch(c -> c.isOpen()
                && !silent.contains(c) && (c.hasBufferedData() || c.<AtomicInteger>getAttachment().get() > 0))) {
            TimeUnit.MICROSECONDS.sleep(200);
        }
    }

    /** Waits until a counted connection is open, or the replay closes. */
    void awaitClient() throws InterruptedException {
        synchronized (clients) {
            while (openedAt.isEmpty() && !closing) {
                clients.wait(100);
            }
        }
    }

    void close() {
        closing = true;
        try {
            server.stop(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
            if (attempt <= refuseFirst) {
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
