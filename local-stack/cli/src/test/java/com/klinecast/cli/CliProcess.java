package com.klinecast.cli;

import com.klinecast.core.testing.BundledData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CLI as its own process, for the commands that serve until Ctrl+C ({@code up}, {@code serve}): started on the
 * bundled replay, awaited until it prints where it serves, stopped as Ctrl+C would (SIGTERM: its shutdown hook
 * closes the servers and the stores).
 */
final class CliProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("^serving on (http://\\S+) ");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<URI> serving = new CompletableFuture<>();

    private CliProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "klinecast-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code klinecast --data-dir DIR --replay-dir BUNDLED args...} and waits until it serves. */
    static CliProcess serving(Path dataDir, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Klinecast.class.getName(), "--data-dir",
                dataDir.toString(), "--replay-dir", BundledData.dir().toString()));
        command.addAll(List.of(args));
        CliProcess cli;
        try {
            cli = new CliProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            cli.serving.get(10, TimeUnit.MINUTES);
            return cli;
        } catch (Exception e) {
            cli.close();
            throw new AssertionError("klinecast " + String.join(" ", args) + " did not serve:\n" + cli.output(), e);
        }
    }

    /** Where it serves, ending in a slash. */
    URI baseUrl() {
        return URI.create(serving.join() + "/");
    }

    /** Standard output and error so far. */
    String output() {
        return output.toString();
    }

    /** Ctrl+C: stops it and waits for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.append(line).append('\n');
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    serving.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            // the process is gone; what it printed is kept
        } finally {
            serving.completeExceptionally(new IllegalStateException("exited before serving"));
        }
    }
}
