package com.klinecast.cli;

import com.klinecast.core.binance.BinanceKlinesClient;
import com.klinecast.core.catalog.SeriesCatalog;
import com.klinecast.core.config.Env;
import com.klinecast.core.fanout.Planner;
import com.klinecast.core.fanout.SeriesTask;
import com.klinecast.core.fanout.SqsTaskQueue;
import com.klinecast.core.fanout.Worker;
import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.core.series.Series;
import com.klinecast.fanout.WorkerHandler;
import com.klinecast.standins.lambda.LocalContext;
import com.klinecast.standins.sqs.ElasticMq;
import com.klinecast.standins.sqs.EventSourceMapping;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One planner tick on the local stack, as on AWS: the series join the catalog, the planner queues one task per
 * series in ElasticMQ, and the local event source mapping feeds them to the ingest worker's handler with up to
 * {@code workers} at once. A series that fails {@value #MAX_RECEIVES} receives ends in the dead-letter queue,
 * named, while the others go on.
 */
final class FanOutRun {

    static final int MAX_RECEIVES = 3;
    /**
     * Shorter than on AWS (300 s), so a poisoned series reaches the dead-letter queue in about half a minute; a
     * series that needs longer continues in a follow-up task. The visibility timeout outlasts it, so no message
     * reaches a second worker while the first still runs.
     */
    static final Duration WORKER_TIMEOUT = Duration.ofSeconds(10);
    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(12);

    /** @param deadLettered the series whose task ended in the dead-letter queue, with their last failure */
    record Result(List<Series> completed, Map<Series, String> deadLettered, int invocations) {
    }

    private FanOutRun() {
    }

    static Result run(LocalStack stack, Instant now, List<Series> series, int workers, PrintStream out) {
        SeriesCatalog catalog = stack.catalog();
        catalog.add(series);
        IngestConfig config = IngestConfig.fromEnv(new Env(stack.functionEnvironment(Map.of(
                "STOP_MARGIN_SECONDS", "1"))));
        SqsClient sqs = stack.sqs();
        ElasticMq.Queues queues = ElasticMq.createWithDeadLetters(sqs, "klinecast-ingest", MAX_RECEIVES,
                VISIBILITY_TIMEOUT);
        SqsTaskQueue queue = new SqsTaskQueue(sqs, queues.url());

        List<SeriesTask> tasks = new Planner(config, catalog, queue).plan(Map.of(
                "symbols", series.stream().map(Series::symbol).distinct().toList(),
                "intervals", series.stream().map(s -> s.interval().code()).distinct().toList()));
        out.println(Planner.describe(tasks, now) + " (" + workers + (workers == 1 ? " worker" : " workers")
                + ", ElasticMQ)");

        Map<String, SeriesReport> last = new ConcurrentHashMap<>();
        IngestListener printer = new IngestListener() {
            @Override
            public void finished(SeriesReport report) {
                last.put(report.series(), report);
                synchronized (out) {
                    out.println(Reports.line(report));
                }
            }
        };
        ScheduledIngest ingest = new ScheduledIngest(config, IngestServices.create(config, stack.dynamoDb(),
                BinanceKlinesClient.create(config.binance()), printer), Clock.fixed(now, ZoneOffset.UTC),
                MetricsSink.NONE, catalog);
        WorkerHandler handler = new WorkerHandler(new Worker(ingest, queue));
        int invocations = new EventSourceMapping(sqs, queues.url(), queues.arn(),
                new EventSourceMapping.Settings(1, workers, Duration.ofSeconds(1)), handler,
                () -> LocalContext.withTimeout("IngestWorkerFunction", WORKER_TIMEOUT, LocalContext.quietLogger()),
                System.err::println).drain();

        Map<Series, String> dead = new LinkedHashMap<>();
        for (Message message : drainDeadLetters(sqs, queues.deadLetterUrl())) {
            Series s = SeriesTask.fromJson(message.body()).series();
            SeriesReport report = last.get(s.id());
            dead.put(s, report == null || report.message() == null ? "failed" : report.message());
            out.println(s.id() + ": in the dead-letter queue after " + MAX_RECEIVES + " receives; the other series "
                    + "went on");
        }
        List<Series> completed = new ArrayList<>();
        for (SeriesTask task : tasks) {
            SeriesReport report = last.get(task.series().id());
            if (!dead.containsKey(task.series()) && report != null && report.complete()) {
                completed.add(task.series());
            }
        }
        return new Result(completed, dead, invocations);
    }

    private static List<Message> drainDeadLetters(SqsClient sqs, String url) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .visibilityTimeout(60)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }
}
