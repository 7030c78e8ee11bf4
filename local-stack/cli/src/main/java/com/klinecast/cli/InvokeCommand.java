package com.klinecast.cli;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.config.Env;
import com.klinecast.standins.lambda.LocalContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The offline {@code sam local invoke}: one function of template.yaml, its handler and environment read from the
 * template, run in-process against the local stack with an event from a file.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true, description = {
    "Invoke a function of template.yaml once against the local stack, as `sam local invoke` would (no SAM CLI or "
            + "Docker needed): the Handler and Environment come from the template, with FEATURE_TABLE, MODEL_BUCKET, "
            + "BINANCE_BASE_URL and INGEST_QUEUE_URL resolved to the local stack; the event from a file.",
    "Prints the response as JSON on stdout (or Lambda's error JSON, exit code 1); the function's logs go to stderr."})
final class InvokeCommand implements Callable<Integer> {

    /** Template parameters the local stack stands in for, as `sam local invoke --parameter-overrides` would. */
    private static final String BINANCE_PARAMETER = "BinanceBaseUrl";

    @ParentCommand
    Klinecast root;

    @Parameters(index = "0", paramLabel = "FUNCTION_LOGICAL_ID",
            description = "The function's logical id in the template, e.g. IngestFunction, DailyFunction, "
                    + "PlannerFunction, IngestWorkerFunction, PredictFunction.")
    String functionId;

    @Option(names = {"-e", "--event"}, paramLabel = "FILE", required = true,
            description = "The event, e.g. events/predict-forecast.json; - reads it from standard input.")
    String eventFile;

    @Option(names = {"-n", "--env-vars"}, paramLabel = "FILE", description = "SAM's environment file: "
            + "{\"FunctionLogicalId\": {\"VAR\": \"value\"}}, or {\"Parameters\": {...}} for every function. Like SAM, "
            + "it overrides only variables the template declares.")
    Path envVarsFile;

    @Option(names = {"-t", "--template"}, paramLabel = "FILE",
            description = "Default: template.yaml in this directory, else in the project root.")
    Path templateFile;

    @Option(names = "--parameter-overrides", split = "\\s+", paramLabel = "KEY=VALUE",
            description = "Template parameters, e.g. --parameter-overrides 'Symbols=ETHUSDT Intervals=1h'.")
    Map<String, String> parameterOverrides = new LinkedHashMap<>();

    @Override
    public Integer call() {
        SamTemplate template = SamTemplate.load(existing(templateFile == null ? Path.of("template.yaml")
                : templateFile, "template"));
        SamTemplate.ServerlessFunction function = template.function(functionId);
        Class<?> handlerClass = HandlerClasses.of(function);
        Object event = event(HandlerClasses.inputType(handlerClass));
        Map<String, String> overrides = envVarsOverrides();

        try (LocalStack stack = LocalStack.start(root)) {
            Map<String, String> env = environment(template, function, stack, overrides);
            Context context = LocalContext.withTimeout(functionId, Duration.ofSeconds(function.timeoutSeconds()),
                    LocalContext.stderrLogger());
            System.err.println("invoking " + function.handler() + " (" + functionId + ", time-out "
                    + function.timeoutSeconds() + " s) with " + env);
            Object response;
            try {
                response = LocalHandlers.handler(handlerClass, new Env(env), stack, clock()).handleRequest(event,
                        context);
            } catch (RuntimeException e) {
                // What Lambda returns for a function error (an init error included): the same three fields.
                System.out.println(LambdaJson.errorJson(e));
                return 1;
            }
            System.out.println(LambdaJson.responseJson(response));
            return 0;
        }
    }

    private Clock clock() {
        return root.now == null ? Clock.systemUTC() : Clock.fixed(root.now(), ZoneOffset.UTC);
    }

    /**
     * The function's variables as SAM would set them, pointed at the local stack: parameters take their defaults
     * (then --parameter-overrides), the Binance URL parameter the local stack's exchange, the table and bucket
     * the local stack's; then the env-vars file's values for variables the template declares.
     */
    private Map<String, String> environment(SamTemplate template, SamTemplate.ServerlessFunction function,
            LocalStack stack, Map<String, String> overrides) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(BINANCE_PARAMETER, stack.binanceUrl().toString());
        parameters.putAll(parameterOverrides);
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> env.put(name,
                SamTemplate.resolve(value, ref -> localValue(template, ref, parameters, stack))));
        overrides.forEach((name, value) -> {
            if (env.containsKey(name)) {
                env.put(name, value);
            } else {
                System.err.println("warning: " + name + " from " + envVarsFile + " is ignored: " + functionId
                        + " does not declare it in the template (sam local ignores it too)");
            }
        });
        return env;
    }

    private static String localValue(SamTemplate template, String name, Map<String, String> parameters,
            LocalStack stack) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        Map<String, Object> parameter = template.parameters().get(name);
        if (parameter != null) {
            Object fallback = parameter.get("Default");
            if (fallback == null) {
                throw new IllegalArgumentException("parameter " + name + " has no default; pass "
                        + "--parameter-overrides " + name + "=VALUE");
            }
            return fallback.toString();
        }
        if (template.resources().containsKey(name)) {
            return switch (template.type(name)) {
                case "AWS::DynamoDB::Table" -> LocalStack.TABLE;
                case "AWS::S3::Bucket" -> LocalStack.BUCKET;
                // A queue of that name in the local stack's ElasticMQ (a !Ref of a queue is its URL).
                case "AWS::SQS::Queue" -> stack.sqs().createQueue(q -> q.queueName(name)).queueUrl();
                default -> throw new IllegalArgumentException(name + " (" + template.type(name)
                        + ") has no local stand-in");
            };
        }
        return switch (name) {
            case "AWS::Region" -> System.getProperty("aws.region", "us-east-1");
            case "AWS::AccountId" -> "000000000000";
            case "AWS::StackName" -> "klinecast-local";
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> throw new IllegalArgumentException("the template refers to " + name
                    + ", which is neither a parameter nor a resource");
        };
    }

    /** SAM's env-vars file: the "Parameters" block for every function, then this function's own block. */
    private Map<String, String> envVarsOverrides() {
        Map<String, String> out = new LinkedHashMap<>();
        if (envVarsFile == null) {
            return out;
        }
        JsonNode file;
        try {
            file = Reports.JSON.readTree(Files.readString(existing(envVarsFile, "env-vars file")));
        } catch (IOException e) {
            throw new IllegalArgumentException(envVarsFile + " is not valid JSON: " + e.getMessage());
        }
        for (String block : List.of("Parameters", functionId)) {
            file.path(block).fields().forEachRemaining(f -> out.put(f.getKey(),
                    f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
        }
        return out;
    }

    /** The event from its file or standard input, as the handler's type. */
    private Object event(Class<?> type) {
        byte[] json;
        try {
            json = "-".equals(eventFile) ? System.in.readAllBytes()
                    : Files.readAllBytes(existing(Path.of(eventFile), "event file"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LambdaJson.event(json, type, "-".equals(eventFile) ? "the event on standard input" : eventFile);
    }

    /** A path as given, else relative to the project root (the ./klinecast launcher sets KLINECAST_HOME). */
    private static Path existing(Path path, String what) {
        if (Files.exists(path)) {
            return path;
        }
        String home = System.getenv("KLINECAST_HOME");
        if (home != null && !path.isAbsolute() && Files.exists(Path.of(home).resolve(path))) {
            return Path.of(home).resolve(path);
        }
        throw new IllegalArgumentException(what + " " + path + " does not exist");
    }
}
