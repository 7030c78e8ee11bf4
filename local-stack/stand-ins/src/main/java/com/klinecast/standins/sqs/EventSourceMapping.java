package com.klinecast.standins.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Plays Lambda's SQS event source mapping on the local stack: up to {@code maxConcurrency} pollers each receive
 * up to {@code batchSize} messages, invoke the handler with them as an {@link SQSEvent}, and delete the ones it
 * did not report in {@link SQSBatchResponse} (all of them kept when the invocation throws). What is not deleted
 * comes back after the queue's visibility timeout, and the queue's redrive policy moves it to the dead-letter
 * queue after its maximum receives, as on AWS.
 */
public final class EventSourceMapping {

    /** @param longPoll the long-poll of each receive (at most 20 s, as SQS) */
    public record Settings(int batchSize, int maxConcurrency, Duration longPoll) {
        public Settings {
            if (batchSize < 1 || batchSize > 10 || maxConcurrency < 1) {
                throw new IllegalArgumentException("batch size 1..10 and a maximum concurrency of at least 1, got "
                        + batchSize + " and " + maxConcurrency);
            }
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final Settings settings;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final Supplier<Context> contexts;
    private final Consumer<String> errors;

    /**
     * @param contexts a Lambda context per invocation (its remaining time is the worker's deadline)
     * @param errors where a failed invocation is reported (the handler's own log lines go through its context)
     */
    public EventSourceMapping(SqsClient sqs, String queueUrl, String queueArn, Settings settings,
            RequestHandler<SQSEvent, SQSBatchResponse> handler, Supplier<Context> contexts, Consumer<String> errors) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.settings = settings;
        this.handler = handler;
        this.contexts = contexts;
        this.errors = errors;
    }

    /**
     * Polls until the queue holds no message, visible, in flight or delayed, and no invocation runs; returns the
     * invocations made. It returns as soon as a poller sees that, without waiting out the other pollers' long
     * polls (only invocations add messages); a poller whose wait ends after that hands back what it received.
     */
    public int drain() {
        ExecutorService pollers = Executors.newFixedThreadPool(settings.maxConcurrency(), r -> {
            Thread t = new Thread(r, "sqs-poller");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Void> drained = new CompletableFuture<>();
        AtomicInteger invocations = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        try {
            for (int i = 0; i < settings.maxConcurrency(); i++) {
                pollers.submit(() -> {
                    try {
                        pollUntilEmpty(drained, invocations, running);
                    } catch (RuntimeException | Error e) {
                        drained.completeExceptionally(e);
                    }
                });
            }
            drained.get();
            return invocations.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while draining " + queueUrl, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a poller of " + queueUrl + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            pollers.shutdownNow();
        }
    }

    private void pollUntilEmpty(CompletableFuture<Void> drained, AtomicInteger invocations,
            AtomicInteger running) {
        boolean justInvoked = false;
        while (!drained.isDone()) {
            // Right after an invocation, a short poll: at the end of the queue, a long one would idle this worker
            // for its whole wait before the emptiness check (SQS answers a long poll at once when messages wait).
            int wait = justInvoked ? 0 : (int) Math.min(20, settings.longPoll().toSeconds());
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                        .maxNumberOfMessages(settings.batchSize()).waitTimeSeconds(wait)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            } catch (RuntimeException e) {
                if (drained.isDone()) {
                    return; // the caller may have closed the client once the drain was over
                }
                throw e;
            }
            if (drained.isDone()) {
                handBack(messages);
                return;
            }
            if (messages.isEmpty()) {
                if (running.get() == 0 && empty()) {
                    drained.complete(null);
                    return;
                }
                justInvoked = false;
                continue;
            }
            invocations.incrementAndGet();
            running.incrementAndGet();
            try {
                invoke(messages);
            } finally {
                running.decrementAndGet();
            }
            justInvoked = true;
        }
    }

    /** Messages received after the drain ended: visible again at once, for whoever polls next. */
    private void handBack(List<Message> messages) {
        for (Message message : messages) {
            try {
                sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            } catch (SqsException e) {
                errors.accept("message " + message.messageId() + ", received after the drain, returns after the "
                        + "visibility timeout: " + e.awsErrorDetails().errorMessage());
            }
        }
    }

    private void invoke(List<Message> messages) {
        SQSBatchResponse response;
        try {
            response = handler.handleRequest(eventOf(messages), contexts.get());
        } catch (RuntimeException | Error e) {
            // A crashed invocation: nothing is deleted, every message comes back after the visibility timeout.
            errors.accept("worker invocation failed (" + messages.size() + " message(s) return after the "
                    + "visibility timeout): " + e);
            return;
        }
        Set<String> failed = new HashSet<>();
        if (response != null && response.getBatchItemFailures() != null) {
            response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
        }
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                try {
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                } catch (SqsException stale) {
                    // The invocation outlived the visibility timeout and the message went to another poller,
                    // which does the work again (harmless: the watermark holds the progress), as on AWS.
                    errors.accept("message " + message.messageId() + " outlived its visibility timeout: "
                            + stale.awsErrorDetails().errorMessage());
                }
            }
        }
    }

    private boolean empty() {
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return counts.values().stream().allMatch("0"::equals);
    }

    private SQSEvent eventOf(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setMd5OfBody(m.md5OfBody());
            record.setAttributes(m.attributesAsStrings());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion("us-east-1");
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** How many messages a queue holds (visible), e.g. a dead-letter queue's depth. */
    public static int depth(SqsClient sqs, String url) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }
}
