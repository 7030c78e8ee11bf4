package com.klinecast.stream.collector;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Connections through Java-WebSocket's client (wss through the JDK's default TLS). It answers every ping with a
 * pong by itself (Binance drops a client that has not answered within a minute), and its own ping a minute
 * detects a connection that died silently; nothing else is sent, far below Binance's 5 incoming messages per
 * second. The JDK's {@code java.net.http.WebSocket} was the first choice (no dependency) but sends its pongs on
 * the receiving path: a pong due after the server's close frame turns a normal closure into an error, and a
 * replay's normal closure is how it says it has ended. The replay stand-in serves with this library already, so
 * one well-kept dependency covers both sides.
 */
public final class JavaWebSockets implements Connector {

    static final int LOST_AFTER_SECONDS = 60;

    private final int lostAfterSeconds;

    public JavaWebSockets() {
        this(Duration.ofSeconds(LOST_AFTER_SECONDS));
    }

    /** @param lostAfter how often the client pings; a connection without a pong for 1.5 times this is closed */
    public JavaWebSockets(Duration lostAfter) {
        this.lostAfterSeconds = (int) Math.max(1, lostAfter.toSeconds());
    }

    @Override
    public CompletableFuture<Connection> connect(URI uri, Events events) {
        Client client = new Client(uri, events);
        client.setConnectionLostTimeout(lostAfterSeconds);
        client.connect();
        return client.opened;
    }

    private static final class Client extends WebSocketClient implements Connection {
        final CompletableFuture<Connection> opened = new CompletableFuture<>();
        private final Events events;

        Client(URI uri, Events events) {
            super(uri);
            this.events = events;
        }

        @Override
        public void abort() {
            closeConnection(CloseFrame.ABNORMAL_CLOSE, "aborted");
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            opened.complete(this);
        }

        @Override
        public void onMessage(String message) {
            events.text(message);
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            // Binance's trade stream sends text frames only.
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            if (!opened.isDone()) {
                opened.completeExceptionally(new IllegalStateException("connection refused (" + code + " " + reason
                        + ")"));
                return;
            }
            events.closed(code, reason == null ? "" : reason);
        }

        @Override
        public void onError(Exception e) {
            // onClose follows and reports it.
        }
    }
}
