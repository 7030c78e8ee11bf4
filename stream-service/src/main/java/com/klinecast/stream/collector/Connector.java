package com.klinecast.stream.collector;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** Opens WebSocket connections; the seam between the collector and the socket library. */
public interface Connector {

    CompletableFuture<Connection> connect(URI uri, Events events);

    /** One open connection. */
    interface Connection {
        /** Starts a normal closure (1000); the server's close or a time-out ends it. */
        void close();

        /** Drops the connection at once, without a closing handshake. */
        void abort();
    }

    /** What a connection reports; called on the socket's threads. */
    interface Events {
        void text(String message);

        /** The server closed the connection, or it dropped (status 1006). */
        void closed(int status, String reason);

        void failed(Throwable error);
    }
}
