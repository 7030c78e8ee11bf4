package com.klinecast.core.ingest;

/** Time left before the caller (a Lambda) is cut off; the backfill stops cleanly before it runs out. */
@FunctionalInterface
public interface Deadline {

    Deadline NONE = () -> Long.MAX_VALUE;

    long remainingMillis();
}
