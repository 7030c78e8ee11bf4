package com.klinecast.cli;

import java.net.URI;

/**
 * Points this JVM's SDK clients at local stand-ins the standard way: the service-specific endpoint settings
 * ({@code aws.endpointUrlDynamoDb}, the system-property form of {@code AWS_ENDPOINT_URL_DYNAMODB}), a region,
 * and static credentials, which the stand-ins accept whatever they are.
 */
public final class LocalAws {

    private LocalAws() {
    }

    public static void useDynamoDb(URI endpoint) {
        System.setProperty("aws.endpointUrlDynamoDb", endpoint.toString());
        if (System.getProperty("aws.region") == null && System.getenv("AWS_REGION") == null) {
            System.setProperty("aws.region", "us-east-1");
        }
        // Never real credentials: a local stack must not be able to touch an AWS account by accident.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }
}
