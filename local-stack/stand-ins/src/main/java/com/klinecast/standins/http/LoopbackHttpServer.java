package com.klinecast.standins.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The JDK HTTP server on 127.0.0.1, as the stand-ins built on it create it. The HTTP API stand-in is not one of
 * them: it must pass on request targets the JDK server refuses ({@link PlainHttpServer}).
 */
public final class LoopbackHttpServer {

    static {
        // Read once, when the JDK server's configuration class loads: without TCP_NODELAY its separate header and
        // body writes meet the client's delayed ACK, adding ~40 ms to every response. Must precede any server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackHttpServer() {
    }

    public static HttpServer create(int port, int backlog) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
    }
}
