package com.klinecast.standins.sqs;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ's SQS-compatible REST server, in this JVM, on 127.0.0.1 and a free port. Its queues live in memory:
 * the local stack keeps its progress in the feature table's watermarks, so a lost queue only loses work a
 * planner run re-plans. Redrive to a dead-letter queue is ElasticMQ's own, as SQS's is.
 */
public final class ElasticMq implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;
    private static final String PEKKO_SHUTDOWN_HOOK = "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook";

    private final AtomicBoolean closed = new AtomicBoolean();

    private ElasticMq(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    public static ElasticMq start() {
        // The local stack stops this server itself (its close runs in the CLI's own shutdown hook): Pekko's hook,
        // registered lazily, would otherwise try to join a JVM already stopping on Ctrl+C and warn that it cannot.
        if (System.getProperty(PEKKO_SHUTDOWN_HOOK) == null) {
            System.setProperty(PEKKO_SHUTDOWN_HOOK, "off");
        }
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion("us-east-1").start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMq(server, port);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this server; ElasticMQ checks no signature, so any region and key do. */
    public SqsClient client() {
        return SqsClient.builder().endpointOverride(endpoint).httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /** A queue and its dead-letter queue. */
    public record Queues(String url, String arn, String deadLetterUrl) {
    }

    /**
     * Creates {@code name} and {@code name-dlq}: a message received {@code maxReceives} times without being
     * deleted moves to the dead-letter queue, as SQS's redrive policy does.
     */
    public static Queues createWithDeadLetters(SqsClient sqs, String name, int maxReceives,
            Duration visibilityTimeout) {
        String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = arnOf(sqs, dlqUrl);
        String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(visibilityTimeout.toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                        + "\",\"maxReceiveCount\":\"" + maxReceives + "\"}"))).queueUrl();
        return new Queues(url, arnOf(sqs, url), dlqUrl);
    }

    private static String arnOf(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stopAndWait();
        }
    }
}
