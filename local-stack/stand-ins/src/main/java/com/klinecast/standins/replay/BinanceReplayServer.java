package com.klinecast.standins.replay;

import com.sun.net.httpserver.HttpExchange;
import com.klinecast.standins.http.LoopbackHttpServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * <p>Just over 300 lines: serving a page, the weight accounting, the clock and the queued faults answer one request
 * together, so they stay in one place; the query's checks ({@link KlinesQuery}), the file ({@link KlineFile}) and
 * the rewrites ({@link PageRewrite}) are apart.
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
                send(exchange, 405, error(-1000, "Only GET is served by the replay."), 0);
            } else if ("/api/v3/ping".equals(path)) {
                send(exchange, 200, "{}", 0);
            } else if ("/api/v3/time".equals(path)) {
                send(exchange, 200, "{\"serverTime\":" + clock.millis() + "}", 0);
            } else if ("/api/v3/klines".equals(path)) {
                klines(exchange);
            } else if ("/api/v3/exchangeInfo".equals(path)) {
                send(exchange, 200, exchangeInfo(), 0);
            } else {
                send(exchange, 404, error(-1000, "Unknown path " + path + "."), 0);
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
        if (fault != null && fault.kind() != Fault.Kind.REWRITTEN && applyFault(exchange, fault, used)) {
            return;
        }
        KlinesQuery query;
        try {
            query = KlinesQuery.parse(rawQuery, files);
        } catch (KlinesQuery.Refused refused) {
            send(exchange, 400, error(refused.code, refused.getMessage()), used);
            return;
        }
        KlineFile data = loaded.get(query.series());
        if (fault != null && fault.kind() == Fault.Kind.REWRITTEN) {
            send(exchange, 200, fault.rewrite().rewrite(parts(data, query.start(), query.end(), query.limit())), used);
            return;
        }
        send(exchange, 200, page(data, query.start(), query.end(), query.limit()), used);
    }

    /** The page {@link #page} would serve, taken apart for a {@link PageRewrite}, with the page before it. */
    /** Binance's 429 once the minute's weight is spent: Retry-After is the rest of the minute. */
    private void rateLimited(HttpExchange exchange, int used) throws IOException {
        long secondsLeft = Math.max(1, (60_000L - Math.floorMod(rateClock.millis(), 60_000L) + 999) / 1000);
        exchange.getResponseHeaders().set("Retry-After", Long.toString(secondsLeft));
        send(exchange, 429, error(-1003, "Too much request weight used; current limit is "
                + weightLimitPerMinute + " request weight per 1 MINUTE."), used);
    }

    private PageRewrite.Page parts(KlineFile data, Long start, Long end, int limit) {
        int[] range = range(data, start, end, limit);
        List<List<String>> klines = new ArrayList<>();
        for (int i = range[0]; i < range[1]; i++) {
            klines.add(fields(data.json(i)));
        }
        List<List<String>> earlier = new ArrayList<>();
        for (int i = Math.max(0, range[0] - limit); i < range[0]; i++) {
            earlier.add(fields(data.json(i)));
        }
        return new PageRewrite.Page(klines, earlier, clock.millis());
    }

    /** A pre-rendered kline's fields; none of them holds a comma. */
    private static List<String> fields(String json) {
        return List.of(json.substring(1, json.length() - 1).split(","));
    }

    /** Selects rows like Binance: from startTime forward, or the latest ones up to endTime or now. */
    private String page(KlineFile data, Long start, Long end, int limit) {
        int[] range = range(data, start, end, limit);
        int from = range[0];
        int to = range[1];
        StringBuilder body = new StringBuilder(Math.max(2, (to - from) * 160)).append('[');
        for (int i = from; i < to; i++) {
            if (i > from) {
                body.append(',');
            }
            body.append(data.json(i));
        }
        return body.append(']').toString();
    }

    /** The rows a request selects, as {@code [from, to)}. */
    private int[] range(KlineFile data, Long start, Long end, int limit) {
        long now = clock.millis();
        long upper = end == null ? now : Math.min(end, now);
        // Rows that exist "now": opened at or before now (the one still open included).
        int endExclusive = data.firstAtOrAfter(upper + 1);
        int from;
        if (start != null) {
            from = data.firstAtOrAfter(start);
        } else {
            from = Math.max(0, endExclusive - limit);
        }
        return new int[] {from, Math.min(endExclusive, from + limit)};
    }

    private boolean applyFault(HttpExchange exchange, Fault fault, int used) throws IOException {
        switch (fault.kind()) {
            case NONE -> {
                return false;
            }
            case RATE_LIMITED, BANNED -> {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(fault.duration().toSeconds()));
                int status = fault.kind() == Fault.Kind.BANNED ? 418 : 429;
                String msg = status == 418 ? "Way too much request weight used; IP banned until "
                        + (rateClock.millis() + fault.duration().toMillis()) + "."
                        : "Too much request weight used; current limit is " + weightLimitPerMinute
                                + " request weight per 1 MINUTE.";
                send(exchange, status, error(-1003, msg), used);
                return true;
            }
            case SERVER_ERROR -> {
                send(exchange, 500, "", used);
                return true;
            }
            case MALFORMED_JSON -> {
                send(exchange, 200, "[[1502928000000,\"4261.48\",<html>502 Bad Gateway</html>", used);
                return true;
            }
            case TRUNCATED -> {
                byte[] whole = "[[1502928000000,\"4261.48000000\",\"4485.39000000\",\"4200.74000000\"]]"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, whole.length);
                OutputStream out = exchange.getResponseBody();
                out.write(whole, 0, whole.length / 2);
                out.flush();
                // Failing the exchange under a fixed-length body drops the connection: a cut-off page.
                throw new IOException("truncated on purpose");
            }
            case SLOW -> {
                try {
                    Thread.sleep(fault.duration().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
                return false;
            }
            default -> throw new IllegalStateException("unknown fault " + fault);
        }
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

    /** The quote assets the replay recognizes at the end of a symbol, longest first. */
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "BUSD", "BTC", "ETH", "BNB");

    /**
     * Binance's exchangeInfo, cut to the fields a catalog sync reads: every symbol with a file, TRADING, its base
     * and quote asset read off its name.
     */
    private String exchangeInfo() {
        StringBuilder json = new StringBuilder("{\"timezone\":\"UTC\",\"serverTime\":").append(clock.millis())
                .append(",\"symbols\":[");
        List<String> symbols = files.keySet().stream().map(id -> id.substring(0, id.indexOf('#'))).distinct()
                .sorted().toList();
        for (int i = 0; i < symbols.size(); i++) {
            String symbol = symbols.get(i);
            String quote = QUOTES.stream().filter(q -> symbol.endsWith(q) && symbol.length() > q.length())
                    .findFirst().orElse("");
            json.append(i == 0 ? "" : ",").append("{\"symbol\":\"").append(symbol)
                    .append("\",\"status\":\"TRADING\",\"baseAsset\":\"")
                    .append(symbol, 0, symbol.length() - quote.length()).append("\",\"quoteAsset\":\"")
                    .append(quote).append("\"}");
        }
        return json.append("]}").toString();
    }

    private static void send(HttpExchange exchange, int status, String body, int usedWeight) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        if (usedWeight > 0) {
            exchange.getResponseHeaders().set("X-MBX-USED-WEIGHT-1M", Integer.toString(usedWeight));
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String error(int code, String msg) {
        return "{\"code\":" + code + ",\"msg\":\"" + msg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
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
