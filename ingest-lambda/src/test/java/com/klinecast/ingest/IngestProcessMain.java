package com.klinecast.ingest;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.config.Env;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.standins.lambda.LocalContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.joda.time.DateTime;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

/**
 * The ingest function as a process of its own, so a test can kill it with SIGKILL at any point: the handler built
 * as in Lambda (configuration from arguments instead of the environment), one scheduled invocation.
 * Arguments: table, Binance base URL, symbol, interval, event time. DynamoDB is reached through the standard
 * endpoint system property, set by the parent.
 */
public final class IngestProcessMain {

    static final String READY = "ready";
    static final String WROTE = "wrote";

    private IngestProcessMain() {
    }

    public static void main(String[] args) {
        IngestConfig config = IngestConfig.fromEnv(new Env(Map.of("FEATURE_TABLE", args[0], "BINANCE_BASE_URL",
                args[1])));
        // The client as AwsClients builds it, plus a line on stdout after each batch the table acknowledged: the
        // parent picks its kill points by progress, not by a clock that a loaded machine would skew.
        DynamoDbClient ddb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof BatchWriteItemRequest) {
                            System.out.println(WROTE);
                            System.out.flush();
                        }
                    }
                })).build();
        IngestHandler handler = new IngestHandler(new ScheduledIngest(config,
                IngestServices.create(config, ddb), Clock.systemUTC()));
        // Tells the parent the JVM has started and the clients are built: its kill clock starts here.
        System.out.println(READY);
        System.out.flush();
        ScheduledEvent event = new ScheduledEvent();
        event.setTime(new DateTime(Instant.parse(args[4]).toEpochMilli()));
        event.setDetail(Map.of("symbols", args[2], "intervals", args[3]));
        System.out.println(handler.handleRequest(event, LocalContext.withTimeout("IngestFunction",
                Duration.ofMinutes(15), LocalContext.quietLogger())));
    }
}
