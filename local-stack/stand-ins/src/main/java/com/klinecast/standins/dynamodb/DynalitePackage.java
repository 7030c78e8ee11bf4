package com.klinecast.standins.dynamodb;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The project's npm package {@code local-stack/dynalite} (dynalite at an exact version, its lock file, the
 * launcher script), installed with {@code npm ci} on first use, as the first build downloads Maven's dependencies,
 * and again only when the lock file changes. Found through {@code klinecast.dynalite.dir} /
 * {@code KLINECAST_DYNALITE_DIR}, {@code KLINECAST_HOME} (set by {@code ./klinecast}), or the nearest folder above the
 * working directory or this class's jar that holds it.
 */
final class DynalitePackage {

    static final Path RELATIVE = Path.of("local-stack", "dynalite");
    /** Written into node_modules after a complete install: the lock file it installed. */
    private static final String STAMP = ".klinecast-lock-sha256";

    final Path dir;

    private DynalitePackage(Path dir) {
        this.dir = dir;
    }

    Path script() {
        return dir.resolve("server.js");
    }

    /** The package, installed; an install says so once on stderr. */
    static synchronized DynalitePackage installed(NodeRuntime node) {
        DynalitePackage pkg = new DynalitePackage(locate());
        pkg.install(node);
        return pkg;
    }

    private void install(NodeRuntime node) {
        try {
            String lock = sha256(Files.readAllBytes(dir.resolve("package-lock.json")));
            Path stamp = dir.resolve("node_modules").resolve(STAMP);
            if (isCurrent(stamp, lock)) {
                return;
            }
            // Another JVM (a second build or command) may be installing too; npm ci first deletes node_modules.
            try (FileChannel channel = FileChannel.open(dir.resolve(".install.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (isCurrent(stamp, lock)) {
                    return;
                }
                System.err.println("Installing the DynamoDB stand-in (dynalite, npm ci in " + dir
                        + "; once, then offline from npm's cache)...");
                runNpmCi(node);
                Files.writeString(stamp, lock);
            }
        } catch (IOException e) {
            throw new StandInUnavailableException("cannot install dynalite in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void runNpmCi(NodeRuntime node) throws IOException {
        List<String> command = new ArrayList<>(List.of(node.npm, "ci", "--ignore-scripts", "--prefer-offline",
                "--no-audit", "--no-fund", "--loglevel=error"));
        Process npm;
        try {
            npm = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new StandInUnavailableException("no npm found ('" + node.npm + "'): install npm beside Node.js "
                    + NodeRuntime.MIN_MAJOR + "+ (e.g. apt-get install npm)", e);
        }
        npm.getOutputStream().close();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                String last = out.isEmpty() ? "no output" : out.lines().reduce((a, b) -> b).orElse(out);
                throw new StandInUnavailableException("'npm ci' in " + dir + " failed: " + last);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StandInUnavailableException("interrupted while installing dynalite", e);
        }
    }

    private static boolean isCurrent(Path stamp, String lock) throws IOException {
        return Files.isRegularFile(stamp) && Files.readString(stamp).equals(lock);
    }

    static Path locate() {
        String configured = System.getProperty("klinecast.dynalite.dir", System.getenv("KLINECAST_DYNALITE_DIR"));
        if (configured != null && !configured.isBlank()) {
            return checked(Path.of(configured));
        }
        String home = System.getenv("KLINECAST_HOME");
        if (home != null && !home.isBlank()) {
            return checked(Path.of(home).resolve(RELATIVE));
        }
        for (Path start : List.of(Path.of("").toAbsolutePath(), codeLocation())) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve(RELATIVE).resolve("package.json"))) {
                    return p.resolve(RELATIVE);
                }
            }
        }
        throw new StandInUnavailableException("cannot find the dynalite package (" + RELATIVE + "): run from the "
                + "Klinecast checkout, or set KLINECAST_HOME to it");
    }

    private static Path checked(Path dir) {
        if (!Files.isRegularFile(dir.resolve("package.json"))) {
            throw new StandInUnavailableException("no dynalite package at " + dir + " (package.json missing)");
        }
        return dir.toAbsolutePath();
    }

    private static Path codeLocation() {
        try {
            return Path.of(DynalitePackage.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }
}
