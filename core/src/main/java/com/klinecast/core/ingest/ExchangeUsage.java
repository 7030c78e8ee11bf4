package com.klinecast.core.ingest;

/**
 * What fetching one series cost at the exchange in one run: how close it came to the rate limit, and the back-offs
 * it took, so that an alarm can see a series drifting towards a ban before it happens.
 *
 * @param usedWeight the highest {@code X-MBX-USED-WEIGHT-1M} the exchange reported (the IP's weight in the current
 *     minute), 0 when no answer carried it
 * @param weightWaits pauses to stay under the weight limit before a request
 * @param rateLimited 429 answers (each slept through when its Retry-After was short enough)
 * @param banned 418 answers (the run stops at the first)
 * @param retries requests re-sent after a 5xx, a time-out or a malformed answer
 * @param backoffMillis time slept on Retry-After and retry back-offs (weight waits aside)
 */
public record ExchangeUsage(int usedWeight, long weightWaits, long rateLimited, long banned, long retries,
                            long backoffMillis) {

    public static final ExchangeUsage NONE = new ExchangeUsage(0, 0, 0, 0, 0, 0);
}
