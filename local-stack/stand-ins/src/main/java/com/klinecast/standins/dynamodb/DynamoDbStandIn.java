package com.klinecast.standins.dynamodb;

import java.net.URI;

/** A DynamoDB-compatible endpoint on this machine; closing it stops the server if this JVM owns it. */
public interface DynamoDbStandIn extends AutoCloseable {

    URI endpoint();

    int port();

    @Override
    void close();
}
