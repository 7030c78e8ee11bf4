package com.klinecast.standins.replay;

import com.sun.net.httpserver.HttpExchange;
import com.klinecast.standins.http.LoopbackHttpServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * A Binance-compatible {@code GET /api/v3/klines} on 127.0.0.1 that replays Binance-format CSVs named
 * {@code binance-SYMBOL-INTERVAL.csv} from a directory. It follows the real endpoint's documented semantics
 * (see docs/BINANCE-KLINES-API.md): parameters, limit 1..1000 (default 500), error bodies with Binance's codes,
 * weight headers and a per-minute weight limit, and a clock: candles opening after "now" do not exist yet, and
 * the one open at "now" is served with its close time in the future, as Binance serves the open candle.
 * Tests can queue {@link Fault}s for the next requests.
 *
 * <p>Here: the routes, the weight accounting, the clock and the fault queue; apart, the query's checks
 * ({@link KlinesQuery}), the file ({@link KlineFile}), the page selection ({@link KlinePages}), what a fault answers
 * ({@link FaultAnswers}), the rewrites ({@link PageRewrite}) and the answer's form ({@link ReplayAnswers}).
 */
public final class BinanceReplayServer implements AutoCloseable {

    private static final Pattern FILE = Pattern.compile("binance-([A-Z0-9]{2,20})-([0-9]+[smhdwM])\\.csv");
    private static final int KLINES_WEIGHT = 2;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Path> files;
    private final Map<String, KlineFile> loaded;
    private final Clock clock;
    private final Clock rateClock;
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<String> klineQueries = Collections.synchronizedList(new ArrayList<>());
    private volatile int weightLimitPerMinute = 6000;
    private volatile long latencyMillis;
    private long weightWindow;
    private int weightUsed;

    private BinanceReplayServer(Path dir, Clock clock, Clock rateClock, int port) throws IOException {
        this.files = scan(dir);
        // Every file is read and checked before the server listens: a bad line refuses the start, by name.
        this.loaded = files.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> KlineFile.load(e.getValue())));
        this.clock = clock;
        this.rateClock = rateClock;
        this.server = LoopbackHttpServer.create(port, 0);
        // Enough threads that a slow (faulted or delayed) answer does not hold up the others: 16 concurrent
        // workers with a set latency are served in parallel, as by the exchange.
        this.executor = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "binance-replay");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on an ephemeral port; {@code clock} is the market's "now", rate windows follow real time. */
    public static BinanceReplayServer start(Path dir, Clock clock) {
        return start(dir, clock, Clock.systemUTC(), 0);
    }

    public static BinanceReplayServer start(Path dir, Clock clock, Clock rateClock, int port) {
        try {
            return new BinanceReplayServer(dir, clock, rateClock, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Binance replay server", e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Series served, as {@code SYMBOL#interval}. */
    public Set<String> series() {
        return files.keySet();
    }

    /** Queues faults; each is applied to one later klines request, in order. */
    public void inject(Fault... toInject) {
        faults.addAll(List.of(toInject));
    }

    /** Drops the faults not yet applied: the exchange is healthy again. */
    public void clearFaults() {
        faults.clear();
    }

    public void setWeightLimitPerMinute(int limit) {
        this.weightLimitPerMinute = limit;
    }

    /** Delays every klines answer by this much, as the exchange's round trip would (for concurrency benchmarks). */
    public void setLatency(java.time.Duration latency) {
        this.latencyMillis = latency.toMillis();
    }

    /** Query strings of the klines requests received, faulted ones included. */
    public List<String> klineRequests() {
        synchronized (klineQueries) {
            return List.copyOf(klineQueries);
        }
    }

    public int klineRequestCount() {
        return klineQueries.size();
    }

    public void resetRequestLog() {
        klineQueries.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod())) {
                ReplayAnswers.send(exchange, 405, ReplayAnswers.error(-1000, "Only GET is served by the replay."), 0);
            } else if ("/api/v3/ping".equals(path)) {
                ReplayAnswers.send(exchange, 200, "{}", 0);
            } else if ("/api/v3/time".equals(path)) {
                ReplayAnswers.send(exchange, 200, "{\"serverTime\":" + clock.millis() + "}", 0);
            } else if ("/api/v3/klines".equals(path)) {
                klines(exchange);
            } else if ("/api/v3/exchangeInfo".equals(path)) {
                ReplayAnswers.send(exchange, 200, ExchangeInfo.render(files.keySet(), clock.millis()), 0);
            } else {
                ReplayAnswers.send(exchange, 404, ReplayAnswers.error(-1000, "Unknown path " + path + "."), 0);
            }
        }
    }

    private void klines(HttpExchange exchange) throws IOException {
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        klineQueries.add(rawQuery == null ? "" : rawQuery);
        int used = chargeWeight();
        if (used > weightLimitPerMinute) {
            rateLimited(exchange, used);
            return;
        }
        Fault fault = faults.poll();
        if (fault != null && fault.kind() != Fault.Kind.REWRITTEN && FaultAnswers.apply(exchange, fault, used, weightLimitPerMinute,
                rateClock.millis())) {
            return;
        }
        KlinesQuery query;
        try {
            query = KlinesQuery.parse(rawQuery, files);
        } catch (KlinesQuery.Refused refused) {
            ReplayAnswers.send(exchange, 400, ReplayAnswers.error(refused.code, refused.getMessage()), used);
            return;
        }
        KlineFile data = loaded.get(query.series());
        if (fault != null && fault.kind() == Fault.Kind.REWRITTEN) {
            ReplayAnswers.send(exchange, 200, fault.rewrite().rewrite(KlinePages.parts(data, query.start(), query.end(),
                    query.limit(), clock.millis())), used);
            return;
        }
        ReplayAnswers.send(exchange, 200, KlinePages.page(data, query.start(), query.end(), query.limit(),
                clock.millis()), used);
    }

    /** Binance's 429 once the minute's weight is spent: Retry-After is the rest of the minute. */
    private void rateLimited(HttpExchange exchange, int used) throws IOException {
        long secondsLeft = Math.max(1, (60_000L - Math.floorMod(rateClock.millis(), 60_000L) + 999) / 1000);
        exchange.getResponseHeaders().set("Retry-After", Long.toString(secondsLeft));
        ReplayAnswers.send(exchange, 429, ReplayAnswers.error(-1003, "Too much request weight used; current limit is "
                + weightLimitPerMinute + " request weight per 1 MINUTE."), used);
    }

    private synchronized int chargeWeight() {
        long window = rateClock.millis() / 60_000L;
        if (window != weightWindow) {
            weightWindow = window;
            weightUsed = 0;
        }
        weightUsed += KLINES_WEIGHT;
        return weightUsed;
    }

    private static Map<String, Path> scan(Path dir) {
        Map<String, Path> found = new HashMap<>();
        try (var entries = Files.list(dir)) {
            entries.forEach(p -> {
                var m = FILE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    found.put(m.group(1) + "#" + m.group(2), p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list replay directory " + dir, e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no binance-SYMBOL-INTERVAL.csv files in " + dir);
        }
        return Map.copyOf(found);
    }
}
