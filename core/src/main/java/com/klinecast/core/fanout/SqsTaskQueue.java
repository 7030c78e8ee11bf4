package com.klinecast.core.fanout;

import com.klinecast.core.ingest.PortException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The ingest queue on SQS: one message per series task. */
public final class SqsTaskQueue implements TaskQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsTaskQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(SeriesTask task) {
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(task.toJson()));
        } catch (SdkException e) {
            throw new QueueException(task.series() + ": sending its task to " + queueUrl + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** The queue refused or did not answer. */
    public static final class QueueException extends PortException {
        QueueException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
