package com.klinecast.core.fanout;

import com.klinecast.core.ingest.Deadline;
import com.klinecast.core.ingest.IngestFailedException;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.IngestService.Mode;
import com.klinecast.core.ingest.PortException;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.core.scheduled.ScheduledIngest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What an ingest worker does with one task: backfills or catches up its series (the scheduled ingest's run, in
 * {@link Mode#SYNC}) until the deadline, and queues a continuation when time ran out first. A failure is left to
 * the queue: the message comes back after its visibility timeout and, after the redrive policy's receives, lands
 * in the dead-letter queue.
 */
public final class Worker {

    /** How a task ended. */
    public enum Outcome {
        /** The series reached the present. */
        COMPLETE,
        /** Time ran out; a continuation is queued and resumes from the watermark. */
        CONTINUED,
        /** The series failed; the message should be retried (and dead-lettered after enough receives). */
        FAILED
    }

    /** @param report the series' report; null when the run failed before one existed */
    public record Result(Outcome outcome, SeriesReport report, String message) {
    }

    private final ScheduledIngest ingest;
    private final TaskQueue queue;

    public Worker(ScheduledIngest ingest, TaskQueue queue) {
        this.ingest = ingest;
        this.queue = queue;
    }

    public Result work(SeriesTask task, Deadline deadline, Consumer<String> log, String requestId) {
        Map<String, Object> detail = Map.of("symbols", List.of(task.series().symbol()),
                "intervals", List.of(task.series().interval().code()), "from", task.from().toString());
        IngestReport report;
        try {
            report = ingest.handle(Mode.SYNC, detail, null, deadline, log, requestId);
        } catch (IngestFailedException failed) {
            return new Result(Outcome.FAILED, failed.report().series().get(0), failed.getMessage());
        }
        SeriesReport series = report.series().get(0);
        if (series.complete()) {
            return new Result(Outcome.COMPLETE, series, null);
        }
        if (series.requests() == 0) {
            // No page fitted before the deadline: a continuation would do the same, forever.
            return new Result(Outcome.FAILED, series, task.series() + ": the time-out left no time for one page; "
                    + "raise the function's timeout or lower STOP_MARGIN_SECONDS");
        }
        try {
            queue.send(task.next());
        } catch (PortException e) {
            // The message is retried instead; the watermark keeps what this run wrote.
            return new Result(Outcome.FAILED, series, e.getMessage());
        }
        log.accept(task.series() + ": continuation " + (task.continuation() + 1) + " queued");
        return new Result(Outcome.CONTINUED, series, null);
    }
}
