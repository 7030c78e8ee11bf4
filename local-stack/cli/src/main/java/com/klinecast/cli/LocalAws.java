package com.klinecast.cli;

import java.net.URI;

/**
 * Points this JVM's SDK clients at local stand-ins the standard way: the service-specific endpoint settings
 * ({@code aws.endpointUrlDynamoDb} and {@code aws.endpointUrlS3}, the system-property forms of
 * {@code AWS_ENDPOINT_URL_DYNAMODB} and {@code AWS_ENDPOINT_URL_S3}), a region, and the local credentials.
 */
public final class LocalAws {

    private LocalAws() {
    }

    public static void useDynamoDb(URI endpoint) {
        System.setProperty("aws.endpointUrlDynamoDb", endpoint.toString());
        useLocalCredentials();
    }

    public static void useS3(URI endpoint) {
        System.setProperty("aws.endpointUrlS3", endpoint.toString());
        useLocalCredentials();
    }

    private static void useLocalCredentials() {
        if (System.getProperty("aws.region") == null && System.getenv("AWS_REGION") == null) {
            System.setProperty("aws.region", "us-east-1");
        }
        // Never real credentials: a local stack must not be able to touch an AWS account by accident.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }
}
