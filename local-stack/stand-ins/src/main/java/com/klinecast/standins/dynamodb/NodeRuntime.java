package com.klinecast.standins.dynamodb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Node.js that runs dynalite: {@code KLINECAST_NODE} or {@code node} on the PATH, version 20 or newer. */
final class NodeRuntime {

    static final int MIN_MAJOR = 20;
    private static final String INSTALL = "install Node.js " + MIN_MAJOR + " or newer (e.g. apt-get install nodejs npm,"
            + " or your platform's package) - the local stack's DynamoDB stand-in, dynalite, runs on it";

    private static volatile NodeRuntime checked;

    final String node;
    final String npm;
    final String version;

    private NodeRuntime(String node, String npm, String version) {
        this.node = node;
        this.npm = npm;
        this.version = version;
    }

    /** The runtime, its version checked once per JVM. */
    static NodeRuntime find() {
        NodeRuntime runtime = checked;
        if (runtime == null) {
            runtime = check(envOr("KLINECAST_NODE", "node"), envOr("KLINECAST_NPM", "npm"));
            checked = runtime;
        }
        return runtime;
    }

    static NodeRuntime check(String node, String npm) {
        String version = version(node);
        if (major(version) < MIN_MAJOR) {
            throw new StandInUnavailableException("Node.js " + version + " is too old: " + INSTALL);
        }
        return new NodeRuntime(node, npm, version);
    }

    private static String version(String node) {
        try {
            Process p = new ProcessBuilder(List.of(node, "--version")).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new StandInUnavailableException("'" + node + " --version' failed (" + out + "): " + INSTALL);
            }
            return out;
        } catch (IOException e) {
            throw new StandInUnavailableException("no Node.js found ('" + node + "'): " + INSTALL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StandInUnavailableException("interrupted while checking Node.js", e);
        }
    }

    /** The major version of {@code v20.20.2}; 0 when it does not read as one. */
    static int major(String version) {
        String v = version.startsWith("v") ? version.substring(1) : version;
        int dot = v.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
