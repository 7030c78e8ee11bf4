package com.klinecast.cli;

import com.klinecast.predict.PredictHandler;
import com.klinecast.standins.apigateway.HttpApiServer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The predict function behind a local HTTP API, as `sam local start-api` would run it. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the forecast API and page on "
        + "127.0.0.1 (the predict Lambda in-process behind a local HTTP API) until Ctrl+C.")
final class ServeCommand implements Callable<Integer> {

    static final int THREADS = 4;

    @ParentCommand
    Klinecast root;

    @Option(names = "--port", defaultValue = "3000", description = "Default ${DEFAULT-VALUE}; 0 picks a free port.")
    int port;

    @Option(names = "--symbols", split = ",", description = "Symbols to serve (default: every series in the table).")
    List<String> symbols;

    @Option(names = "--intervals", split = ",", description = "Intervals to serve (default: every series in the "
            + "table).")
    List<String> intervals;

    @Option(names = "--dynamodb-port", defaultValue = "0", paramLabel = "PORT", description = "dynalite's "
            + "port, fixed for clients outside this process (sam local); default: a free one.")
    int dynamoDbPort;

    @Option(names = "--s3-port", defaultValue = "0", paramLabel = "PORT", description = "S3Proxy's port (the "
            + "model registry); default: a free one.")
    int s3Port;

    @Option(names = "--replay-port", defaultValue = "0", paramLabel = "PORT", description = "The Binance replay's "
            + "port; default: a free one.")
    int replayPort;

    @Override
    public Integer call() {
        for (int fixed : new int[] {port, dynamoDbPort, s3Port, replayPort}) {
            PortCheck.requireFree(fixed);
        }
        UntilStopped stopped = new UntilStopped();
        try (LocalStack stack = LocalStack.start(root, new LocalStack.Ports(dynamoDbPort, s3Port, replayPort))) {
            // For functions run elsewhere (sam local invoke / start-api): where the stores and the exchange are.
            System.out.println("local stack: DynamoDB " + stack.dynamoDbEndpoint() + " (table " + LocalStack.TABLE
                    + "), S3 " + stack.s3Endpoint() + " (bucket " + LocalStack.BUCKET + "), Binance "
                    + stack.binanceUrl());
            serve(stack, root, LocalPredict.served(stack, symbols, intervals), port, stopped);
        } finally {
            stopped.closed();
        }
        return 0;
    }

    /** Serves until stopped; shared with {@code up}. */
    static void serve(LocalStack stack, Klinecast root, List<com.klinecast.core.series.Series> served, int port,
            UntilStopped stopped) {
        PredictHandler handler = LocalPredict.handler(stack, root, served);
        try (HttpApiServer api = HttpApiServer.start(port, THREADS, "PredictFunction", handler)) {
            System.out.println("serving on " + api.baseUrl().toString().replaceAll("/$", "") + " (series "
                    + served + "; GET / is the page, /forecast?symbol=BTCUSDT&days=7 the API); Ctrl+C stops");
            System.out.flush();
            stopped.await();
            System.out.println("stopping; the data dir keeps the tables and models");
        }
    }
}
