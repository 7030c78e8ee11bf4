package com.klinecast.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.catalog.SeriesCatalog;
import com.klinecast.core.config.Env;
import com.klinecast.core.fanout.Planner;
import com.klinecast.core.fanout.SeriesTask;
import com.klinecast.core.fanout.Worker;
import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.ingest.IngestService;
import com.klinecast.core.ingest.InMemoryStores;
import com.klinecast.core.ingest.KlinePage;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.core.series.Series;
import com.klinecast.standins.lambda.LocalContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The planner's and the worker's files in events/ (what {@code klinecast invoke} and {@code sam local invoke}
 * take) parse as the Lambda runtime would and are accepted by their handlers, over in-memory ports.
 */
class FanOutEventsTest {

    private static final IngestConfig CONFIG = IngestConfig.fromEnv(new Env(Map.of("FEATURE_TABLE", "t")));
    private static final List<Series> CATALOG = List.of(Series.of("BTCUSDT", "1d"), Series.of("ETHUSDT", "1d"),
            Series.of("BTCUSDT", "1h"), Series.of("BTCUSDT", "1m"));

    /** The catalog as written, read-only. */
    private static final SeriesCatalog LISTED = new SeriesCatalog() {
        @Override
        public List<Series> list() {
            return CATALOG;
        }

        @Override
        public void add(Collection<Series> series) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(Collection<Series> series) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void theDailyAndHourlyScheduleEventsQueueTheirIntervalsSeries() {
        assertEquals(List.of("BTCUSDT#1d", "ETHUSDT#1d"), plan("planner-daily.json"));
        assertEquals(List.of("BTCUSDT#1h"), plan("planner-hourly.json"));
    }

    @Test
    void theWorkersMessageIsOneTaskThatItCompletes() {
        SQSEvent event = EventLoader.loadSQSEvent("../events/worker-sqs-btc-1d.json");
        assertEquals(1, event.getRecords().size());
        SeriesTask task = SeriesTask.fromJson(event.getRecords().get(0).getBody());
        assertEquals(new SeriesTask(Series.of("BTCUSDT", "1d"), Instant.parse("2017-01-01T00:00:00Z"), 0), task);

        List<SeriesTask> continued = new ArrayList<>();
        // Two days after the task's start: an exchange with the two daily candles closed since.
        InMemoryStores stores = new InMemoryStores();
        IngestService service = new IngestService(FanOutEventsTest::closedDays, stores, stores, Duration.ofSeconds(1),
                IngestListener.NONE);
        ScheduledIngest ingest = new ScheduledIngest(CONFIG, service,
                Clock.fixed(Instant.parse("2017-01-03T00:05:00Z"), ZoneOffset.UTC), MetricsSink.NONE);
        List<String> logged = new ArrayList<>();
        SQSBatchResponse response = new WorkerHandler(new Worker(ingest, continued::add)).handleRequest(event,
                LocalContext.withTimeout("IngestWorkerFunction", Duration.ofSeconds(60), new LinesLogger(logged)));

        assertTrue(response.getBatchItemFailures().isEmpty(), logged.toString());
        assertTrue(continued.isEmpty(), "complete: no continuation queued");
    }

    private static final long DAY = 86_400_000L;

    /** Binance's answer for daily candles from {@code start}: the closed ones, at most a page. */
    private static KlinePage closedDays(Series series, long start, long now) {
        List<Candle> closed = new ArrayList<>();
        for (long t = Math.floorDiv(start + DAY - 1, DAY) * DAY; t + DAY <= now && closed.size() < 1000; t += DAY) {
            BigDecimal p = BigDecimal.valueOf(1000 + t / DAY);
            closed.add(new Candle(t, p, p, p, p, BigDecimal.ONE, t + DAY - 1, p, 1, BigDecimal.ONE, p));
        }
        return new KlinePage(closed, closed.size(), true);
    }

    private record LinesLogger(List<String> lines) implements com.amazonaws.services.lambda.runtime.LambdaLogger {
        @Override
        public void log(String message) {
            lines.add(message);
        }

        @Override
        public void log(byte[] message) {
            lines.add(new String(message, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static List<String> plan(String file) {
        ScheduledEvent event = EventLoader.loadScheduledEvent("../events/" + file);
        List<SeriesTask> queued = new ArrayList<>();
        List<String> answered = new PlannerHandler(new Planner(CONFIG, LISTED, queued::add)).handleRequest(event,
                LocalContext.withTimeout("PlannerFunction", Duration.ofSeconds(30), LocalContext.quietLogger()));
        assertEquals(answered, queued.stream().map(t -> t.series().id()).toList());
        return answered;
    }
}
