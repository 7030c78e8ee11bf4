package com.klinecast.stream.collector;

import com.klinecast.stream.collector.Connector.Connection;
import com.klinecast.stream.minute.MinuteAggregator;
import com.klinecast.stream.minute.MinuteSink;
import com.klinecast.stream.trade.Trade;
import com.klinecast.stream.trade.TradeFrames;
import com.klinecast.stream.trade.TradeFrames.ShutdownNotice;
import com.klinecast.stream.trade.TradeFrames.TradeMessage;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Binance's combined trade stream to minute candles in the feature table, for as long as it runs.
 *
 * <p>Everything happens on one thread (socket events, heartbeats, writes are queued to it), so the aggregator needs
 * no locks and minutes are written in order. A dropped connection is reconnected through the {@link ConnectGate}
 * (jittered back-off, Binance's connection-rate limit); a connection nearing Binance's 24-hour limit, or one whose
 * server announced {@code serverShutdown}, is replaced by a new one opened first, so no minute is without a
 * connection: the old one delivers until it reaches the new one's first trade (trades both deliver are
 * de-duplicated). {@link #stop()} writes the open minutes marked
 * incomplete and closes within its time-out.
 *
 * <p>Just over 300 lines: its state (connections, rotation, the aggregator) is confined to that one thread, and
 * keeping every handler of it in one file is what keeps that confinement visible; the writes ({@link MinuteWriter})
 * and each connection's record ({@link LiveConnection}) are apart.
 */
public final class Collector {

    /** How long a replaced connection stays open beside its successor. */
    static final Duration ROTATION_OVERLAP = Duration.ofSeconds(2);

    private final CollectorConfig config;
    private final Connector connector;
    private final Clock clock;
    private final ConnectGate gate;
    private final PrintStream log;
    private final MinuteAggregator aggregator;
    private final ScheduledExecutorService loop;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final Map<Integer, LiveConnection> live = new HashMap<>();
    private final MinuteWriter writer;
    private int connections;
    private boolean connecting;
    private boolean stopping;
    private volatile long reconnects;
    private long lastTradeTime = -1;

    public Collector(CollectorConfig config, Connector connector, MinuteSink sink, StreamMetrics metrics, Clock clock,
            ConnectGate gate, PrintStream log) {
        this.config = config;
        this.connector = connector;
        this.clock = clock;
        this.writer = new MinuteWriter(sink, metrics, clock, log);
        this.gate = gate;
        this.log = log;
        this.aggregator = new MinuteAggregator(config.grace());
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "stream-collector");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Connects and starts the heartbeat; returns at once. */
    public void start() {
        long beat = config.heartbeat().toMillis();
        run(this::connect);
        loop.scheduleWithFixedDelay(() -> guarded(this::heartbeat), beat, beat, TimeUnit.MILLISECONDS);
    }

    /** Completes once the collector has written its last minute: after {@link #stop()}, or when a replay ends. */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** Writes the open minutes marked incomplete, closes the connections and waits, at most {@code timeout}. */
    public void stop(Duration timeout) {
        run(() -> finish(true));
        try {
            finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.println("stream: stop timed out after " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.println("stream: stopping failed: " + e.getCause());
        }
    }

    /** Minutes written so far. */
    public long minutesWritten() {
        return writer.minutesWritten();
    }

    /** Minutes written marked incomplete so far. */
    public long incompleteMinutes() {
        return writer.incompleteMinutes();
    }

    /** Reconnections after an outage so far. */
    public long reconnects() {
        return reconnects;
    }

    private void connect() {
        if (stopping || connecting) {
            return;
        }
        connecting = true;
        Duration wait = gate.delay(clock.millis());
        loop.schedule(() -> guarded(this::attempt), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt() {
        if (stopping) {
            connecting = false;
            return;
        }
        gate.attempted(clock.millis());
        int id = ++connections;
        connector.connect(config.endpoint(), events(id))
                .whenComplete((connection, error) -> run(() -> opened(id, connection, error)));
    }

    private void opened(int id, Connection connection, Throwable error) {
        connecting = false;
        if (error != null) {
            gate.failed();
            log.println("stream: connecting failed: " + error.getMessage());
            if (live.isEmpty()) {
                connect();
            }
            return;
        }
        if (stopping) {
            connection.close();
            return;
        }
        gate.opened();
        log.println("stream: connection " + id + " open");
        long now = clock.millis();
        aggregator.connected(now);
        LiveConnection successor = new LiveConnection(connection, now);
        for (LiveConnection old : live.values()) {
            if (!old.retiring) {
                // Hand-over: the old connection goes on until it has delivered every trade before the new one's
                // first; the new one's trades wait meanwhile, so none closes a minute the old one still fills.
                old.retiring = true;
                successor.predecessor = old;
                loop.schedule(() -> guarded(() -> release(successor)), ROTATION_OVERLAP.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
        live.put(id, successor);
    }

    private void text(int id, String message) {
        TradeFrames.Message parsed;
        try {
            parsed = TradeFrames.parse(message);
        } catch (RuntimeException e) {
            log.println("stream: ignored a message that is no trade frame: " + e.getMessage());
            return;
        }
        if (parsed instanceof TradeMessage frame) {
            Trade trade = frame.trade();
            LiveConnection from = live.get(id);
            if (from == null) {
                accept(trade);
                return;
            }
            from.firstIds.putIfAbsent(trade.symbol(), trade.id());
            from.lastIds.merge(trade.symbol(), trade.id(), Math::max);
            if (from.predecessor != null) {
                from.held.add(trade);
                caughtUp(from);
                return;
            }
            accept(trade);
            live.values().stream().filter(l -> l.predecessor == from).findFirst().ifPresent(this::caughtUp);
        } else if (parsed instanceof ShutdownNotice) {
            log.println("stream: the server announced its shutdown; connecting anew");
            connect();
        }
    }

    private void accept(Trade trade) {
        lastTradeTime = Math.max(lastTradeTime, trade.time());
        writer.write(aggregator.accept(trade), reconnects, lastTradeTime);
    }

    /** Releases a successor's held trades once its predecessor has delivered every trade before them. */
    private void caughtUp(LiveConnection successor) {
        LiveConnection old = successor.predecessor;
        if (old != null && !successor.firstIds.isEmpty() && successor.firstIds.entrySet().stream()
                .allMatch(e -> old.lastIds.getOrDefault(e.getKey(), Long.MIN_VALUE) >= e.getValue() - 1)) {
            release(successor);
        }
    }

    private void release(LiveConnection successor) {
        LiveConnection old = successor.predecessor;
        if (old == null) {
            return;
        }
        successor.predecessor = null;
        successor.held.forEach(this::accept);
        successor.held.clear();
        old.connection.close();
    }

    private void closed(int id, int status, String reason) {
        LiveConnection closed = live.remove(id);
        if (closed == null) {
            return;
        }
        live.values().stream().filter(l -> l.predecessor == closed).findFirst().ifPresent(this::release);
        if (stopping) {
            if (live.isEmpty()) {
                done();
            }
            return;
        }
        if (config.replay() && status == 1000 && !closed.retiring) {
            log.println("stream: the replay ended (" + reason + ")");
            finish(false);
            return;
        }
        if (live.isEmpty()) {
            log.println("stream: " + (closed.retiring ? "closed before its successor was up" : "connection lost")
                    + " (" + status + (reason.isEmpty() ? "" : " " + reason) + "); reconnecting");
            aggregator.disconnected();
            reconnects++;
            connect();
        }
    }

    private void heartbeat() {
        if (stopping) {
            return;
        }
        long now = clock.millis();
        writer.write(aggregator.advance(now), reconnects, lastTradeTime);
        boolean aged = live.values().stream()
                .anyMatch(l -> !l.retiring && now - l.openedAt >= config.maxConnectionAge().toMillis());
        if (aged) {
            connect();
        }
    }

    private void finish(boolean incomplete) {
        if (stopping) {
            return;
        }
        stopping = true;
        writer.write(aggregator.flush(incomplete), reconnects, lastTradeTime);
        if (live.isEmpty()) {
            done();
            return;
        }
        live.values().forEach(l -> l.connection.close());
        // A server that never answers the close must not hold the process past its stop timeout.
        loop.schedule(this::done, 1, TimeUnit.SECONDS);
    }

    private void done() {
        live.values().forEach(l -> l.connection.abort());
        live.clear();
        if (writer.unwritten() > 0) {
            log.println("stream: " + writer.unwritten() + " minutes could not be written; the REST catch-up fills them");
        }
        finished.complete(null);
        loop.shutdown();
    }

    private Connector.Events events(int id) {
        return new Connector.Events() {
            @Override
            public void text(String message) {
                run(() -> Collector.this.text(id, message));
            }

            @Override
            public void closed(int status, String reason) {
                run(() -> Collector.this.closed(id, status, reason));
            }

            @Override
            public void failed(Throwable error) {
                run(() -> Collector.this.closed(id, 1006, String.valueOf(error.getMessage())));
            }
        };
    }

    private void run(Runnable task) {
        try {
            loop.execute(() -> guarded(task));
        } catch (RejectedExecutionException finishedAlready) {
            // events after the last minute was written change nothing
        }
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.println("stream: " + e);
        }
    }
}
