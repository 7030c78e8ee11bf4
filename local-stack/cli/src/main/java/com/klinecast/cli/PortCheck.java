package com.klinecast.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The API's port, tried before the pipeline starts: a port already taken (a second {@code up}) is refused with
 * one line (exit 2) instead of being found out at the last stage, after a backfill and a training run.
 */
final class PortCheck {

    private PortCheck() {
    }

    /** @throws IllegalArgumentException when {@code port} (0 picks a free one, so it always passes) is taken */
    static void requireFree(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port " + port + " is not a port (0 to 65535; 0 picks a free one)");
        }
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // Bound, so free a moment ago; closed at once for the server to take.
        } catch (IOException e) {
            throw new IllegalArgumentException("port " + port + " is already in use (another klinecast up or serve?); "
                    + "stop it, or pass --port with another port (0 picks a free one)");
        }
    }
}
