package com.klinecast.core.fanout;

import com.klinecast.core.config.Env;

/**
 * What the planner and the worker read beyond the ingest configuration: {@code INGEST_QUEUE_URL} (required), the
 * queue the planner sends tasks to and a worker its continuations.
 */
public record FanOutConfig(String queueUrl) {

    public static FanOutConfig fromEnv(Env env) {
        return new FanOutConfig(env.required("INGEST_QUEUE_URL",
                "the URL of the ingest queue the planner and workers send to"));
    }
}
