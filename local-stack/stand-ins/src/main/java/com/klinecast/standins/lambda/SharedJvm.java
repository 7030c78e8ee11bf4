package com.klinecast.standins.lambda;

/**
 * The local stack runs many Lambda execution environments at once in one JVM (a fan-out of 16 workers is 16
 * concurrent invocations), where AWS gives each its own JVM and its own idle connections.
 */
public final class SharedJvm {

    /** Idle connections kept per host: more than the local stack's concurrent workers ever reach. */
    static final int KEEP_ALIVE_PER_HOST = 64;

    private SharedJvm() {
    }

    /**
     * The JDK's HTTP client behind the SDK's URL-connection client keeps only 5 idle connections per host, so past 5
     * concurrent workers most DynamoDB and SQS calls opened a new connection to the stand-in (a TCP handshake and,
     * in ElasticMQ, a new Pekko stream each): CPU that AWS never spends. The JDK reads the limit once, at the first
     * connection it keeps, so this runs first in a main method; a value given on the command line wins.
     */
    public static void keepConnectionsPerWorker() {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(KEEP_ALIVE_PER_HOST));
        }
    }
}
