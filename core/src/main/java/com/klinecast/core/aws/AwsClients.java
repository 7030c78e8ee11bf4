package com.klinecast.core.aws;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SDK clients configured the standard way: region, credentials and endpoint come from the default provider
 * chains (AWS_REGION, the Lambda role, AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_DYNAMODB or their system-property
 * forms for a local stack). Built once per execution environment, never per request.
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb() {
        // The URL-connection client starts faster and weighs less than Apache's, which matters for cold starts.
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.builder().build()).build();
    }
}
