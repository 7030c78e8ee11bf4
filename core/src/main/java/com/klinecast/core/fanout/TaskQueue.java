package com.klinecast.core.fanout;

import java.util.List;

/** Where the planner and the workers put series tasks (SQS on AWS, ElasticMQ on the local stack). */
@FunctionalInterface
public interface TaskQueue {

    void send(SeriesTask task);

    /** Every task, in order; a queue that takes several per request overrides this. */
    default void sendAll(List<SeriesTask> tasks) {
        tasks.forEach(this::send);
    }
}
