package com.klinecast.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a full backfill of {@code pairs} pairs at 1d, 1h and 1m would take on AWS, from the template's settings
 * and stated assumptions, not from a measurement: Binance's weight budget per IP, one page per worker cycle, the
 * worker's 270 s of work per invocation, on-demand DynamoDB writes (items under 1 KB) and arm64 Lambda prices
 * (us-east-1, 2025).
 */
public record ScaleProjection(int pairs, int workers, Duration latency) {

    /** BTCUSDT's history, 2017-08-17 .. 2025-06-30: an upper bound for pairs listed later. */
    static final int DAYS = 2_875;
    static final int PAGE = 1_000;
    /** Klines with limit=1000 weigh 2; the client keeps under 80% of Binance's 6,000 per minute and IP. */
    static final double WEIGHT_PER_REQUEST = 2;
    public static final double WEIGHT_BUDGET_PER_MINUTE = 0.8 * 6_000;
    /** Writing a page: 40 BatchWriteItem calls of 25 items at about 10 ms each; the next page is fetched meanwhile. */
    static final double WRITE_SECONDS_PER_PAGE = 0.4;
    static final double WORK_SECONDS_PER_INVOCATION = 270;
    static final double USD_PER_MILLION_WRITE_UNITS = 0.625;
    static final double USD_PER_GB_SECOND = 0.0000133334;
    static final double USD_PER_MILLION_INVOCATIONS = 0.20;
    static final double USD_PER_MILLION_SQS_REQUESTS = 0.40;

    /** One line of the projection. */
    public record Line(String what, String value) {
    }

    public List<Line> lines() {
        long[] perDay = {1, 24, 1_440};
        long candles = 0;
        long requests = 0;
        for (long n : perDay) {
            long perPair = DAYS * n;
            candles += perPair * pairs;
            requests += (perPair + PAGE - 1) / PAGE * pairs;
        }
        long series = 3L * pairs;
        double cycle = Math.max(latency.toMillis() / 1000.0, WRITE_SECONDS_PER_PAGE);
        double pagesPerMinute = workers * 60 / cycle;
        double weightPerMinute = Math.min(pagesPerMinute * WEIGHT_PER_REQUEST, WEIGHT_BUDGET_PER_MINUTE);
        double hours = requests * WEIGHT_PER_REQUEST / weightPerMinute / 60;
        long invocations = (long) Math.ceil(requests * cycle / WORK_SECONDS_PER_INVOCATION) + series;
        double workerSeconds = requests * cycle;
        double writeUsd = candles / 1e6 * USD_PER_MILLION_WRITE_UNITS;
        double lambdaUsd = workerSeconds * USD_PER_GB_SECOND + invocations / 1e6 * USD_PER_MILLION_INVOCATIONS;
        double sqsUsd = invocations * 3 / 1e6 * USD_PER_MILLION_SQS_REQUESTS;
        int saturating = (int) Math.ceil(WEIGHT_BUDGET_PER_MINUTE / (60 / cycle * WEIGHT_PER_REQUEST));
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("series", String.format("%,d (%,d pairs x 1d, 1h, 1m)", series, pairs)));
        lines.add(new Line("candles (write units)", String.format("%,d", candles)));
        lines.add(new Line("klines requests", String.format("%,d (weight %,d)", requests,
                (long) (requests * WEIGHT_PER_REQUEST))));
        lines.add(new Line("worker invocations", String.format("%,d (%.0f s of work each, one page per %.1f s)",
                invocations, WORK_SECONDS_PER_INVOCATION, cycle)));
        lines.add(new Line("weight per minute", String.format("%,.0f with %d workers (budget %,.0f: %d workers "
                + "saturate it)", weightPerMinute, workers, WEIGHT_BUDGET_PER_MINUTE, saturating)));
        lines.add(new Line("hours", String.format("%.1f with %d workers; %.1f at the weight budget", hours, workers,
                requests * WEIGHT_PER_REQUEST / WEIGHT_BUDGET_PER_MINUTE / 60)));
        lines.add(new Line("cost (USD)", String.format("%,.0f: DynamoDB writes %,.0f, Lambda %,.0f, SQS %,.2f",
                writeUsd + lambdaUsd + sqsUsd, writeUsd, lambdaUsd, sqsUsd)));
        return lines;
    }
}
