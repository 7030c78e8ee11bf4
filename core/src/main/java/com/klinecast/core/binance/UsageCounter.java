package com.klinecast.core.binance;

import com.klinecast.core.ingest.ExchangeUsage;
import java.time.Duration;

/** One series' exchange usage as the client sees it; the prefetch thread and the caller both count into it. */
final class UsageCounter {

    private int usedWeight;
    private long weightWaits;
    private long rateLimited;
    private long banned;
    private long retries;
    private long backoffMillis;

    synchronized void usedWeight(int used) {
        usedWeight = Math.max(usedWeight, used);
    }

    synchronized void weightWait() {
        weightWaits++;
    }

    synchronized void rateLimited() {
        rateLimited++;
    }

    synchronized void banned() {
        banned++;
    }

    synchronized void backedOff(Duration wait) {
        backoffMillis += wait.toMillis();
    }

    synchronized void retried(Duration wait) {
        retries++;
        backoffMillis += wait.toMillis();
    }

    synchronized ExchangeUsage snapshot() {
        return new ExchangeUsage(usedWeight, weightWaits, rateLimited, banned, retries, backoffMillis);
    }
}
