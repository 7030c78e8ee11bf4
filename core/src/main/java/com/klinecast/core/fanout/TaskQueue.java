package com.klinecast.core.fanout;

/** Where the planner and the workers put series tasks (SQS on AWS, ElasticMQ on the local stack). */
@FunctionalInterface
public interface TaskQueue {

    void send(SeriesTask task);
}
