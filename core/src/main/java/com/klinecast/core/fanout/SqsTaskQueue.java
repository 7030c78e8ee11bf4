package com.klinecast.core.fanout;

import com.klinecast.core.ingest.PortException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The ingest queue on SQS: one message per series task. */
public final class SqsTaskQueue implements TaskQueue {

    /** SQS's most entries per SendMessageBatch. */
    static final int MAX_BATCH = 10;

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

    /**
     * Ten tasks per request: a planner tick over 1,200 series is 120 requests, not 1,200. An entry SQS refused
     * is sent once more on its own, which names its series if it fails again.
     */
    @Override
    public void sendAll(List<SeriesTask> tasks) {
        for (int from = 0; from < tasks.size(); from += MAX_BATCH) {
            List<SeriesTask> batch = tasks.subList(from, Math.min(tasks.size(), from + MAX_BATCH));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(batch.get(i).toJson()).build());
            }
            List<BatchResultErrorEntry> refused;
            try {
                refused = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).failed();
            } catch (SdkException e) {
                throw new QueueException("the tasks of " + batch.get(0).series() + " .. "
                        + batch.get(batch.size() - 1).series() + ": sending them to " + queueUrl + " failed: "
                        + e.getMessage(), e);
            }
            for (BatchResultErrorEntry entry : refused) {
                send(batch.get(Integer.parseInt(entry.id())));
            }
        }
    }

    /** The queue refused or did not answer. */
    public static final class QueueException extends PortException {
        QueueException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
