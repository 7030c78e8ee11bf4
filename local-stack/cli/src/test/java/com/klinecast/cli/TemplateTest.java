package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.klinecast.core.testing.BundledData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * template.yaml checked offline against the code it deploys: handlers, environment, schedules, IAM, the bucket,
 * the API, the training task; and events/ against the tests that use them. cfn-lint checks the template against
 * CloudFormation's and SAM's schemas; these check what only the project knows.
 */
class TemplateTest {

    private static final Path ROOT = BundledData.dir().toAbsolutePath().getParent().getParent();
    static final String TEMPLATE_TEXT = read(ROOT.resolve("template.yaml"));
    static final SamTemplate TEMPLATE = SamTemplate.parse(TEMPLATE_TEXT);

    /** The event type each SAM event source delivers. */
    private static final Map<String, Class<?>> EVENT_TYPES = Map.of(
            "Schedule", ScheduledEvent.class,
            "SQS", SQSEvent.class,
            "HttpApi", APIGatewayV2HTTPEvent.class);

    /** Variables the code reads but the template leaves to the code's default, each with the reason. */
    private static final Map<String, Map<String, String>> LEFT_TO_DEFAULT = Map.of(
            "DailyFunction", Map.of("BACKFILL_START", "read through IngestConfig, but a catch-up never starts a "
                    + "backfill: the ingest function owns backfills"),
            "PlannerFunction", Map.of(
                    "BINANCE_BASE_URL", "read through IngestConfig; the planner never calls Binance",
                    "BINANCE_WEIGHT_LIMIT", "read through IngestConfig; the planner never calls Binance",
                    "STOP_MARGIN_SECONDS", "read through IngestConfig; the planner queues, it does not ingest"),
            "TrainingTaskDefinition", Map.of(
                    "SERIES", "the fan-out sets it per task as a container override; a task started without it "
                            + "trains every series of the catalog",
                    "TRAINING_CONFIG", "the built-in default config; another one is a file baked into the image",
                    "TRAIN_UNTIL", "scheduled runs train on every closed candle; set it only to rerun a past run",
                    "TRAIN_FROM", "scheduled runs read the whole series; set it to bound a long 1m series' memory"),
            "StreamTaskDefinition", Map.of("STREAM_URL", "Binance's market-data WebSocket host; another only for "
                    + "a test endpoint"));

    /** Variables read by the runtime rather than by our code. */
    private static final Map<String, String> READ_BY_RUNTIME = Map.of(
            "JAVA_TOOL_OPTIONS", "the JVM",
            "OMP_NUM_THREADS", "OpenMP in ND4J's native backend",
            "POWERTOOLS_SERVICE_NAME", "Powertools' logging (the service field of each line)",
            "POWERTOOLS_METRICS_NAMESPACE", "Powertools' metrics (each document names the namespace too)",
            "POWERTOOLS_LOG_LEVEL", "Powertools' logging (the level)");

    /** Actions that AWS only lets you grant on Resource "*": they have no resource type. */
    private static final Set<String> ONLY_ON_EVERY_RESOURCE = Set.of("ecr:GetAuthorizationToken",
            "xray:PutTraceSegments", "xray:PutTelemetryRecords");

    /** The training job's measured peak RSS with -Xmx1g, default config (README, training section). */
    private static final double TRAINING_PEAK_RSS_MIB = 1.15 * 1024;

    // ---------------------------------------------------------------------------------------------- functions

    @Test
    void everyFunctionRunsOnJava21() {
        for (SamTemplate.ServerlessFunction f : TEMPLATE.functions()) {
            assertEquals("java21", f.properties().get("Runtime"), f.id());
        }
        assertEquals(5, TEMPLATE.functions().size(),
                "IngestFunction, DailyFunction, PlannerFunction, IngestWorkerFunction, PredictFunction");
    }

    @Test
    void everyHandlerIsARequestHandlerInItsCodeUrisModuleForTheEventsItsFunctionReceives() throws IOException {
        for (SamTemplate.ServerlessFunction f : TEMPLATE.functions()) {
            Matcher jar = Pattern.compile("([a-z0-9-]+)/target/([a-z0-9-]+)\\.jar").matcher(f.codeUri());
            assertTrue(jar.matches(), f.id() + ": CodeUri " + f.codeUri() + " is not a module's built jar");
            Path module = ROOT.resolve(jar.group(1));
            assertTrue(read(module.resolve("pom.xml")).contains("<finalName>" + jar.group(2) + "</finalName>"),
                    f.id() + ": " + module.getFileName() + "/pom.xml does not build " + jar.group(2) + ".jar");
            Path source = module.resolve("src/main/java").resolve(f.handlerClass().replace('.', '/') + ".java");
            assertTrue(Files.isRegularFile(source), f.id() + ": " + f.handlerClass() + " is not in module "
                    + module.getFileName());

            Class<?> input = HandlerClasses.inputType(HandlerClasses.of(f));
            assertFalse(f.events().isEmpty(), f.id() + " has no events");
            f.events().forEach((name, event) -> {
                Class<?> sent = EVENT_TYPES.get((String) event.get("Type"));
                assertNotNull(sent, f.id() + "." + name + ": no known event type for " + event.get("Type"));
                assertEquals(sent, input, f.id() + "." + name + " sends " + sent.getSimpleName() + " to "
                        + f.handlerClass());
            });
        }
    }

    @Test
    void everyVariableTheCodeReadsIsSetAndEverySetVariableIsRead() {
        Map<String, Set<String>> setBy = new LinkedHashMap<>();
        Map<String, Map<String, Boolean>> readBy = new LinkedHashMap<>();
        for (SamTemplate.ServerlessFunction f : TEMPLATE.functions()) {
            Map<String, String> set = new LinkedHashMap<>();
            f.environment().forEach((k, v) -> set.put(k, literal(v)));
            assertTrue(set.values().stream().noneMatch(v -> v != null && v.isBlank()), f.id() + " sets a blank "
                    + "variable: " + set);
            setBy.put(f.id(), set.keySet());
            readBy.put(f.id(), envReads(ROOT.resolve(f.codeUri().split("/")[0])));
        }
        Set<String> trainingSet = new LinkedHashSet<>();
        for (Map<String, Object> variable : trainingContainerEnvironment()) {
            trainingSet.add((String) variable.get("Name"));
        }
        trainingSet.addAll(dockerfileEnv(ROOT.resolve("training-job/Dockerfile")));
        setBy.put("TrainingTaskDefinition", trainingSet);
        readBy.put("TrainingTaskDefinition", envReads(ROOT.resolve("training-job")));
        Set<String> streamSet = new LinkedHashSet<>();
        containerEnvironment("StreamTaskDefinition").forEach(v -> streamSet.add((String) v.get("Name")));
        setBy.put("StreamTaskDefinition", streamSet);
        readBy.put("StreamTaskDefinition", envReads(ROOT.resolve("stream-service")));

        for (String owner : setBy.keySet()) {
            Map<String, Boolean> reads = readBy.get(owner);
            Set<String> set = setBy.get(owner);
            assertTrue(reads.containsKey("FEATURE_TABLE"), owner + ": the source scan found no reads: " + reads);
            Map<String, String> defaulted = LEFT_TO_DEFAULT.getOrDefault(owner, Map.of());
            reads.forEach((name, required) -> {
                if (!set.contains(name)) {
                    assertFalse(required, owner + " does not set " + name + ", which the code requires");
                    assertTrue(defaulted.containsKey(name), owner + " does not set " + name
                            + "; set it, or list it in LEFT_TO_DEFAULT with the reason");
                }
            });
            for (String name : set) {
                assertTrue(reads.containsKey(name) || READ_BY_RUNTIME.containsKey(name), owner + " sets " + name
                        + ", which nothing reads");
            }
            defaulted.keySet().forEach(name -> {
                assertTrue(reads.containsKey(name), owner + ": LEFT_TO_DEFAULT lists " + name + ", no longer read");
                assertFalse(set.contains(name), owner + ": LEFT_TO_DEFAULT lists " + name + ", which is now set");
            });
        }
    }

    // ---------------------------------------------------------------------------------------------- schedules

    @Test
    void everyScheduleIsAValidEventBridgeExpression() {
        List<String> schedules = new ArrayList<>();
        for (SamTemplate.ServerlessFunction f : TEMPLATE.functions()) {
            f.events().values().stream().filter(e -> "Schedule".equals(e.get("Type")))
                    .forEach(e -> schedules.add(resolve(SamTemplate.map(e.get("Properties")).get("Schedule"))));
        }
        TEMPLATE.resourcesOfType("AWS::Events::Rule").keySet().stream()
                .filter(id -> TEMPLATE.properties(id).containsKey("ScheduleExpression")) // not the event-pattern rules
                .forEach(id -> schedules.add(resolve(TEMPLATE.properties(id).get("ScheduleExpression"))));

        schedules.forEach(s -> assertEquals("", ScheduleExpressions.problem(s), s));
        assertEquals(List.of("rate(15 minutes)", "cron(5 0 * * ? *)", "rate(1 minute)", "cron(1 * * * ? *)",
                "cron(5 0 * * ? *)", "cron(30 0 ? * MON *)"), schedules);
        Map<String, Object> parameter = TEMPLATE.parameters().get("TrainingSchedule");
        assertTrue(parameter.get("Default").toString().matches(parameter.get("AllowedPattern").toString()));
    }

    @Test
    void theScheduleCheckerRejectsWhatEventBridgeRejects() {
        for (String bad : List.of("rate(1 minutes)", "rate(5 minute)", "rate(0 hours)", "rate(15 mins)",
                "cron(5 0 * * * *)", "cron(5 0 ? * ? *)", "cron(5 0 * *)", "cron(60 0 * * ? *)", "cron(5 24 * * ? *)",
                "cron(5 0 32 * ? *)", "cron(5 0 ? * FUNDAY *)", "every day", "cron(5 0 * * ? 1969)")) {
            assertFalse(ScheduleExpressions.problem(bad).isEmpty(), bad);
        }
        for (String good : List.of("rate(1 minute)", "rate(7 days)", "cron(0/15 * * * ? *)", "cron(0 12 ? * MON-FRI *)",
                "cron(0 0 L * ? *)", "cron(0 8 ? * 2#1 *)", "cron(30 0 1,15 JAN-JUN ? 2030)")) {
            assertEquals("", ScheduleExpressions.problem(good), good);
        }
    }

    // ---------------------------------------------------------------------------------------------- IAM

    /** The only object keys written outside the training task: the champion alias and log, by the fallback. */
    private static final Set<String> CHAMPION_KEYS = Set.of("${ModelBucket.Arn}/models/*/champion.json",
            "${ModelBucket.Arn}/models/*/champion-log/*");

    @Test
    void noIamStatementAllowsEveryActionOrAnUnscopedResource() {
        List<Map<String, Object>> statements = new ArrayList<>();
        TEMPLATE.resources().forEach((id, resource) -> {
            Map<String, Object> p = SamTemplate.map(resource.get("Properties"));
            switch ((String) resource.get("Type")) {
                case "AWS::IAM::Role" -> {
                    assertFalse(p.containsKey("ManagedPolicyArns"), id + ": managed policies are not reviewed here");
                    for (Object policy : (List<?>) p.getOrDefault("Policies", List.of())) {
                        statements.addAll(statements(id, SamTemplate.map(policy).get("PolicyDocument")));
                    }
                }
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::S3::BucketPolicy" ->
                        statements.addAll(statements(id, p.get("PolicyDocument")));
                case SamTemplate.FUNCTION, "AWS::Serverless::StateMachine" -> {
                    // A function without a Role of this template gets SAM's role with AWSLambdaBasicExecutionRole,
                    // whose log permissions are on "*"; SAM policy templates are broad as well.
                    assertTrue(p.get("Role") instanceof Map<?, ?> role && role.containsKey("Fn::GetAtt"),
                            id + " must use a role defined in this template");
                    assertFalse(p.containsKey("Policies"), id + ": put its permissions in its role");
                }
                default -> { }
            }
        });
        assertTrue(statements.size() >= 15, "found only " + statements.size() + " statements");

        for (Map<String, Object> statement : statements) {
            String where = statement.get("_in") + ": " + statement;
            assertFalse(statement.containsKey("NotAction") || statement.containsKey("NotResource"), where);
            if (!"Allow".equals(statement.get("Effect"))) {
                continue; // a Deny may be as broad as it likes (the bucket's TLS-only policy is)
            }
            List<Object> actions = list(statement.get("Action"));
            List<Object> resources = list(statement.get("Resource"));
            assertFalse(actions.isEmpty(), where);
            for (Object action : actions) {
                assertTrue(action instanceof String a && !a.contains("*"), where + ": wildcard action");
            }
            assertFalse(resources.isEmpty(), where);
            for (Object resource : resources) {
                if ("*".equals(resource)) {
                    assertTrue(actions.stream().allMatch(ONLY_ON_EVERY_RESOURCE::contains),
                            where + ": Resource * for actions that have resource types");
                } else if (resource instanceof String literal) {
                    fail(where + ": a literal ARN " + literal + " instead of a reference to this stack's resource");
                } else if (resource instanceof Map<?, ?> m && m.get("Fn::Sub") instanceof String sub) {
                    // Only an object-key prefix under a resource of this stack, e.g. ${ModelBucket.Arn}/models/*,
                    // or the champion keys under it (the daily run's fallback to naive writes those alone), or
                    // what the training fan-out's runTask.sync watches (see TrainingFanOutTemplateTest).
                    assertTrue(sub.matches("\\$\\{[A-Za-z0-9]+\\.Arn}(/[A-Za-z0-9_-]+)+/\\*")
                            || CHAMPION_KEYS.contains(sub) || TrainingFanOutTemplateTest.WATCHED.contains(sub),
                            where + ": " + sub);
                } else {
                    assertTrue(resource instanceof Map<?, ?> m && (m.containsKey("Fn::GetAtt") || m.containsKey("Ref")),
                            where + ": " + resource);
                }
            }
        }
    }

    @Test
    void eachComponentMayDoOnlyWhatItDoes() {
        Set<String> tracing = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");
        assertEquals(union(Set.of("dynamodb:BatchWriteItem", "dynamodb:GetItem", "dynamodb:UpdateItem",
                "dynamodb:Query", "logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage"), tracing),
                actions("IngestRole"));
        // The daily run also keeps the forecast ledger: a conditional put per day, the champions read, and the
        // fallback to naive written to the champion keys only.
        assertEquals(union(actions("IngestRole"), Set.of("dynamodb:PutItem", "s3:GetObject", "s3:ListBucket",
                "s3:PutObject")), actions("DailyRole"));
        assertTrue(TEMPLATE_TEXT.contains("- !Sub \"${ModelBucket.Arn}/models/*/champion.json\"")
                && TEMPLATE_TEXT.contains("- !Sub \"${ModelBucket.Arn}/models/*/champion-log/*\""));
        // The planner reads the catalog (one item) and queues; the worker ingests, polls its queue, continues.
        assertEquals(union(Set.of("dynamodb:GetItem", "sqs:SendMessage", "logs:CreateLogStream", "logs:PutLogEvents"),
                tracing), actions("PlannerRole"));
        assertEquals(union(Set.of("dynamodb:BatchWriteItem", "dynamodb:GetItem", "dynamodb:UpdateItem",
                "dynamodb:Query", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                "sqs:SendMessage", "logs:CreateLogStream", "logs:PutLogEvents"), tracing), actions("IngestWorkerRole"));
        assertEquals(Set.of(Map.of("Fn::GetAtt", List.of("IngestQueue", "Arn"))), resourcesOf("IngestWorkerRole",
                "sqs:ReceiveMessage"), "the worker polls its own queue only");
        assertEquals(Set.of(Map.of("Fn::GetAtt", List.of("IngestQueue", "Arn")),
                Map.of("Fn::GetAtt", List.of("FailedInvocationsQueue", "Arn"))), resourcesOf("PlannerRole",
                "sqs:SendMessage"), "the planner sends tasks, and its failed invocations");
        assertEquals(union(Set.of("dynamodb:Query", "s3:GetObject", "s3:ListBucket", "logs:CreateLogStream",
                "logs:PutLogEvents"), tracing), actions("PredictRole"));
        // The training task also reads the catalog item when no series is named.
        assertEquals(Set.of("dynamodb:Query", "dynamodb:GetItem", "s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                "s3:ListBucket"), actions("TrainingTaskRole"));
        // Minutes are written; the 30 before them are read for their features.
        assertEquals(Set.of("dynamodb:PutItem", "dynamodb:BatchWriteItem", "dynamodb:Query"),
                actions("StreamTaskRole"));
        // Reading the registry is confined to models/, writing it to the training task.
        assertTrue(TEMPLATE_TEXT.contains("Resource: !Sub \"${ModelBucket.Arn}/models/*\""));
    }

    // ---------------------------------------------------------------------------------------------- storage

    @Test
    void theModelBucketIsPrivateEncryptedVersionedExpiresOldVersionsAndRefusesPlainHttp() {
        Map<String, Object> bucket = TEMPLATE.properties("ModelBucket");
        Map<String, Object> block = SamTemplate.map(bucket.get("PublicAccessBlockConfiguration"));
        for (String flag : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertEquals(true, block.get(flag), flag);
        }
        Map<String, Object> rule = SamTemplate.map(((List<?>) SamTemplate.map(bucket.get("BucketEncryption"))
                .get("ServerSideEncryptionConfiguration")).get(0));
        assertTrue(Set.of("AES256", "aws:kms").contains(SamTemplate.map(rule.get("ServerSideEncryptionByDefault"))
                .get("SSEAlgorithm")));
        assertEquals("Enabled", SamTemplate.map(bucket.get("VersioningConfiguration")).get("Status"));
        assertTrue(((List<?>) SamTemplate.map(bucket.get("LifecycleConfiguration")).get("Rules")).stream()
                .map(SamTemplate::map).anyMatch(r -> "Enabled".equals(r.get("Status"))
                        && r.containsKey("NoncurrentVersionExpiration")));
        assertEquals("Retain", TEMPLATE.resource("ModelBucket").get("DeletionPolicy"));

        Map<String, Object> policy = TEMPLATE.properties("ModelBucketPolicy");
        assertEquals(Map.of("Ref", "ModelBucket"), policy.get("Bucket"));
        Map<String, Object> deny = statements("ModelBucketPolicy", policy.get("PolicyDocument")).stream()
                .filter(s -> "Deny".equals(s.get("Effect"))).findFirst().orElseThrow();
        assertEquals("*", deny.get("Principal"));
        assertEquals("s3:*", deny.get("Action"));
        assertEquals(Map.of("Bool", Map.of("aws:SecureTransport", "false")), deny.get("Condition"));
        assertEquals(List.of(Map.of("Fn::GetAtt", List.of("ModelBucket", "Arn")), Map.of("Fn::Sub",
                "${ModelBucket.Arn}/*")), deny.get("Resource"));
    }

    @Test
    void theFeatureTableIsOnDemandEncryptedAndRecoverable() {
        Map<String, Object> table = TEMPLATE.properties("FeatureTable");
        assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
        assertEquals(true, SamTemplate.map(table.get("SSESpecification")).get("SSEEnabled"));
        assertEquals(true, SamTemplate.map(table.get("PointInTimeRecoverySpecification"))
                .get("PointInTimeRecoveryEnabled"));
        assertEquals("Retain", TEMPLATE.resource("FeatureTable").get("DeletionPolicy"));
    }

    // ---------------------------------------------------------------------------------------------- API

    @Test
    void thePredictFunctionServesItsThreeRoutesThroughAThrottledApiWithSnapStart() {
        SamTemplate.ServerlessFunction predict = TEMPLATE.function("PredictFunction");
        Set<String> routes = new TreeSet<>();
        predict.events().values().forEach(e -> {
            Map<String, Object> p = SamTemplate.map(e.get("Properties"));
            assertEquals(Map.of("Ref", "PredictApi"), p.get("ApiId"), "every route on the throttled API");
            routes.add(p.get("Method") + " " + p.get("Path"));
        });
        assertEquals(Set.of("GET /", "GET /forecast", "GET /models", "GET /skill"), routes);

        for (String api : TEMPLATE.resourcesOfType("AWS::Serverless::HttpApi").keySet()) {
            Map<String, Object> settings = SamTemplate.map(TEMPLATE.properties(api).get("DefaultRouteSettings"));
            for (String limit : List.of("ThrottlingRateLimit", "ThrottlingBurstLimit")) {
                assertTrue(Double.parseDouble(resolve(settings.get(limit))) > 0, api + " " + limit);
            }
        }
        assertEquals("PublishedVersions", SamTemplate.map(predict.properties().get("SnapStart")).get("ApplyOn"));
        assertNotNull(predict.properties().get("AutoPublishAlias"), "SnapStart applies to published versions");
    }

    @Test
    void theOutputsNameTheApiTheTableAndTheBucket() {
        Map<String, Map<String, Object>> outputs = TEMPLATE.section("Outputs");
        assertEquals(Map.of("Ref", "FeatureTable"), outputs.get("FeatureTableName").get("Value"));
        assertEquals(Map.of("Ref", "ModelBucket"), outputs.get("ModelBucketName").get("Value"));
        assertTrue(outputs.get("ApiUrl").get("Value").toString().contains("${PredictApi}.execute-api"));
    }

    // ---------------------------------------------------------------------------------------------- stream

    @Test
    void theStreamCollectorRunsOnGravitonRollsBackAFailedDeployAndHasTimeToWriteItsMinuteOnStop() {
        Map<String, Object> task = TEMPLATE.properties("StreamTaskDefinition");
        assertEquals("ARM64", SamTemplate.map(task.get("RuntimePlatform")).get("CpuArchitecture"));
        Map<String, Object> container = SamTemplate.map(((List<?>) task.get("ContainerDefinitions")).get(0));
        assertTrue(((Number) container.get("StopTimeout")).intValue() >= 5, "the collector needs up to 5 s on stop");
        Map<String, Object> deployment = SamTemplate.map(TEMPLATE.properties("StreamService")
                .get("DeploymentConfiguration"));
        assertEquals(Map.of("Enable", true, "Rollback", true), deployment.get("DeploymentCircuitBreaker"));
        List<?> egress = (List<?>) TEMPLATE.properties("StreamSecurityGroup").get("SecurityGroupEgress");
        assertEquals(Set.of(443, 9443), egress.stream().map(e -> ((Number) SamTemplate.map(e).get("FromPort"))
                .intValue()).collect(java.util.stream.Collectors.toSet()));
        assertEquals("Lag", TEMPLATE.properties("StreamLagAlarm").get("MetricName"));
    }

    // ---------------------------------------------------------------------------------------------- training

    @Test
    void theTrainingTaskIsSizedFromTheMeasuredRunAndRunsOnItsSchedule() {
        Map<String, Object> task = TEMPLATE.properties("TrainingTaskDefinition");
        assertEquals(List.of("FARGATE"), task.get("RequiresCompatibilities"));
        int memory = Integer.parseInt(task.get("Memory").toString());
        Map<String, String> env = new LinkedHashMap<>();
        trainingContainerEnvironment().forEach(v -> env.put((String) v.get("Name"), literal(v.get("Value"))));
        assertEquals("1", env.get("OMP_NUM_THREADS"));
        Matcher xmx = Pattern.compile("-Xmx(\\d+)([mg])").matcher(env.get("JAVA_TOOL_OPTIONS"));
        assertTrue(xmx.find(), "a heap cap");
        int heapMib = Integer.parseInt(xmx.group(1)) * ("g".equals(xmx.group(2)) ? 1024 : 1);
        assertTrue(heapMib < memory, "the heap cap fits the task");
        assertTrue(memory >= 1.5 * TRAINING_PEAK_RSS_MIB, memory + " MiB leaves too little above the measured peak");
        // The image carries the natives of one platform (training-job/pom.xml); the task must run on it.
        Matcher platform = Pattern.compile("<javacpp.platform>linux-(x86_64|arm64)</javacpp.platform>")
                .matcher(read(ROOT.resolve("training-job/pom.xml")));
        assertTrue(platform.find());
        assertEquals(platform.group(1).toUpperCase(), SamTemplate.map(task.get("RuntimePlatform"))
                .get("CpuArchitecture"));

        // The schedule starts the fan-out, which runs the task once per series (TrainingFanOutTemplateTest).
        Map<String, Object> rule = TEMPLATE.properties("TrainingScheduleRule");
        assertEquals(Map.of("Ref", "TrainingSchedule"), rule.get("ScheduleExpression"));
        Map<String, Object> target = SamTemplate.map(list(rule.get("Targets")).get(0));
        assertEquals(Map.of("Ref", "TrainingStateMachine"), target.get("Arn"));
        assertEquals(Map.of("Fn::GetAtt", List.of("TrainingScheduleRole", "Arn")), target.get("RoleArn"));
        assertTrue(TEMPLATE.resourcesOfType("AWS::Events::Rule").values().stream()
                .noneMatch(r -> String.valueOf(r.get("Properties")).contains("EcsParameters")),
                "no rule starts the training task directly: one task would train every series in turn");
    }

    @Test
    void theTrainingImageBuildsInTwoStagesAndRunsAsANonRootUser() {
        String dockerfile = read(ROOT.resolve("training-job/Dockerfile"));
        assertEquals(2, Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count());
        assertTrue(Pattern.compile("(?m)^USER (?!root)\\S+").matcher(dockerfile).find());
        assertTrue(Files.isRegularFile(ROOT.resolve(".dockerignore")), "the build context leaves out target/ and "
                + "the local stack's data");
    }

    // ---------------------------------------------------------------------------------------------- hygiene

    @Test
    void alarmsWatchTheDailyJobAStaleSeriesAndTheApisServerErrors() {
        Map<String, Object> daily = TEMPLATE.properties("DailyErrorsAlarm");
        Map<String, Object> stale = TEMPLATE.properties("StaleSeriesAlarm");
        Map<String, Object> predict = TEMPLATE.properties("PredictServerErrorsAlarm");

        assertEquals("Errors", daily.get("MetricName"));
        assertEquals("AWS/Lambda", daily.get("Namespace"));
        // The metric the daily job emits (ScheduledIngest's EMF document, rolled up by Function).
        assertEquals("Klinecast", stale.get("Namespace"));
        assertEquals("IntervalsBehind", stale.get("MetricName"));
        assertEquals("2", String.valueOf(stale.get("Threshold")));
        assertEquals("breaching", stale.get("TreatMissingData"), "a daily job that did not run is stale too");
        assertEquals("5xx", predict.get("MetricName"));
        assertEquals("AWS/ApiGateway", predict.get("Namespace"));
        Map<String, Object> ingest = TEMPLATE.properties("IngestErrorsAlarm");
        assertEquals("Errors", ingest.get("MetricName"));
        assertTrue(String.valueOf(TEMPLATE.properties("BinanceRateLimitAlarm").get("Metrics"))
                .matches("(?s).*BinanceRateLimited.*BinanceBanned.*"), "429s and 418s, the metrics the runs emit");
        assertTrue(String.valueOf(TEMPLATE.properties("FeatureTableThrottledAlarm").get("Metrics"))
                .matches("(?s).*ReadThrottleEvents.*WriteThrottleEvents.*"));
        // The ledger's metrics (DailyLedger's EMF documents, rolled up by Function, Target and Horizon).
        String live = String.valueOf(TEMPLATE.properties("LiveSkillAlarm").get("Metrics"));
        assertTrue(live.matches("(?s).*mase > 1\\.02 OR lowcov < 0\\.7 OR highcov > 0\\.9.*LiveMase.*LiveCoverage80.*"
                + "LiveCoverage80.*"), live);
        assertTrue(live.contains("{Name=Horizon, Value=1}") && live.contains("{Name=Target, Value=close}"), live);
        for (Map<String, Object> alarm : TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").values().stream()
                .map(r -> SamTemplate.<Object>map(r.get("Properties"))).toList()) {
            assertEquals(List.of(Map.of("Ref", "AlarmTopic")), alarm.get("AlarmActions"),
                    "every alarm notifies the topic: " + alarm.get("AlarmDescription"));
        }
        Map<String, Object> training = TEMPLATE.properties("TrainingFailedRule");
        assertTrue(String.valueOf(training.get("EventPattern")).contains("exitCode=[{anything-but=0}]"),
                "a training task that exits non-zero notifies: " + training.get("EventPattern"));
        assertEquals(Map.of("Ref", "AlarmTopic"), SamTemplate.map(list(training.get("Targets")).get(0)).get("Arn"));
    }

    @Test
    void aFailedScheduledInvocationIsNotRetriedAndLeavesItsEventInAnAlarmedQueue() {
        List<String> scheduled = TEMPLATE.functions().stream().filter(f -> f.events().values().stream()
                .anyMatch(e -> "Schedule".equals(e.get("Type")))).map(SamTemplate.ServerlessFunction::id).toList();
        assertEquals(List.of("IngestFunction", "DailyFunction", "PlannerFunction"), scheduled);
        for (String id : scheduled) {
            Map<String, Object> config = SamTemplate.map(TEMPLATE.properties(id).get("EventInvokeConfig"));
            assertEquals("0", String.valueOf(config.get("MaximumRetryAttempts")),
                    id + ": the next schedule is the retry (none during a Binance ban)");
            Map<String, Object> onFailure = SamTemplate.map(SamTemplate.map(config.get("DestinationConfig"))
                    .get("OnFailure"));
            assertEquals("SQS", onFailure.get("Type"), id);
            assertEquals(Map.of("Fn::GetAtt", List.of("FailedInvocationsQueue", "Arn")), onFailure.get("Destination"),
                    id);
        }
        Map<String, Object> alarm = TEMPLATE.properties("FailedInvocationsAlarm");
        assertEquals("AWS/SQS", alarm.get("Namespace"));
        assertEquals("ApproximateNumberOfMessagesVisible", alarm.get("MetricName"));
        assertEquals(Map.of("Fn::GetAtt", List.of("FailedInvocationsQueue", "QueueName")),
                SamTemplate.map(list(alarm.get("Dimensions")).get(0)).get("Value"));
        assertEquals(Boolean.TRUE, TEMPLATE.properties("FailedInvocationsQueue").get("SqsManagedSseEnabled"));
        for (String id : scheduled) {
            assertTrue(resourcesOf(TEMPLATE.function(id).properties().get("Role") instanceof Map<?, ?> role
                    ? (String) list(role.get("Fn::GetAtt")).get(0) : "", "sqs:SendMessage")
                    .contains(Map.of("Fn::GetAtt", List.of("FailedInvocationsQueue", "Arn"))),
                    id + "'s role may send its failed events to the queue");
        }
    }

    @Test
    void theIngestQueueRedrivesToAnAlarmedDeadLetterQueueAndItsWorkerReportsPartialFailures() {
        Map<String, Object> queue = TEMPLATE.properties("IngestQueue");
        Map<String, Object> redrive = SamTemplate.map(queue.get("RedrivePolicy"));
        assertEquals(Map.of("Fn::GetAtt", List.of("IngestDeadLetterQueue", "Arn")), redrive.get("deadLetterTargetArn"));
        assertEquals("3", String.valueOf(redrive.get("maxReceiveCount")));
        int workerTimeout = Integer.parseInt(String.valueOf(TEMPLATE.properties("IngestWorkerFunction").get("Timeout")));
        assertTrue(Integer.parseInt(String.valueOf(queue.get("VisibilityTimeout"))) >= 6 * workerTimeout,
                "a message must not reach a second worker while the first runs");
        assertEquals(Boolean.TRUE, queue.get("SqsManagedSseEnabled"));
        assertEquals(Boolean.TRUE, TEMPLATE.properties("IngestDeadLetterQueue").get("SqsManagedSseEnabled"));
        Map<String, Object> alarm = TEMPLATE.properties("IngestDeadLetterAlarm");
        assertEquals("ApproximateNumberOfMessagesVisible", alarm.get("MetricName"));
        assertEquals(Map.of("Fn::GetAtt", List.of("IngestDeadLetterQueue", "QueueName")),
                SamTemplate.map(list(alarm.get("Dimensions")).get(0)).get("Value"));

        SamTemplate.ServerlessFunction worker = TEMPLATE.functions().stream()
                .filter(f -> f.id().equals("IngestWorkerFunction")).findFirst().orElseThrow();
        Map<String, Object> source = SamTemplate.map(worker.events().get("Tasks").get("Properties"));
        assertEquals(Map.of("Fn::GetAtt", List.of("IngestQueue", "Arn")), source.get("Queue"));
        assertEquals("1", String.valueOf(source.get("BatchSize")));
        assertEquals(List.of("ReportBatchItemFailures"), source.get("FunctionResponseTypes"));
        assertEquals(Map.of("Ref", "IngestWorkerConcurrency"),
                SamTemplate.map(source.get("ScalingConfig")).get("MaximumConcurrency"));
        assertTrue(Integer.parseInt(String.valueOf(TEMPLATE.parameters().get("IngestWorkerConcurrency")
                .get("MinValue"))) >= 2, "an SQS event source's maximum concurrency is at least 2");
    }

    @Test
    void thePlannerHasOneScheduleAWorkerCanServeForEveryIntervalButTheSecond() throws IOException {
        SamTemplate.ServerlessFunction planner = TEMPLATE.functions().stream()
                .filter(f -> f.id().equals("PlannerFunction")).findFirst().orElseThrow();
        List<String> covered = new ArrayList<>();
        for (Map<String, Object> event : planner.events().values()) {
            String input = (String) SamTemplate.map(event.get("Properties")).get("Input");
            ScheduledEvent parsed = LambdaEventSerializers.serializerFor(ScheduledEvent.class,
                    getClass().getClassLoader()).fromJson(input);
            assertEquals("Scheduled Event", parsed.getDetailType());
            for (Object code : (List<?>) parsed.getDetail().get("intervals")) {
                covered.add(com.klinecast.core.series.Interval.parse((String) code).code());
            }
        }
        List<String> expected = new ArrayList<>(java.util.Arrays.stream(com.klinecast.core.series.Interval.values())
                .map(com.klinecast.core.series.Interval::code).toList());
        expected.remove("1s");
        assertEquals(new TreeSet<>(expected), new TreeSet<>(covered));
        assertEquals(expected.size(), covered.size(), "each interval in one schedule only: " + covered);
    }

    @Test
    void noSeriesListIsInAnEnvironmentVariableOrAParameter() {
        Set<String> lists = Set.of("SYMBOLS", "INTERVALS");
        for (SamTemplate.ServerlessFunction f : TEMPLATE.functions()) {
            f.environment().keySet().forEach(name -> assertFalse(lists.contains(name),
                    f.id() + "." + name + ": series come from the catalog"));
        }
        Map<String, Object> globals = SamTemplate.map(SamTemplate.map(SamTemplate.map(SamTemplate.map(
                TEMPLATE.root().get("Globals")).get("Function")).get("Environment")).get("Variables"));
        globals.keySet().forEach(name -> assertFalse(lists.contains(name), "Globals." + name));
        trainingContainerEnvironment().forEach(v -> assertFalse(lists.contains((String) v.get("Name")),
                "TrainingTaskDefinition." + v.get("Name") + ": the fan-out names one series per task"));
        // The stream collector's SYMBOLS stays: it is the live stream's own choice (one WebSocket), not a catalog.
        assertEquals(Map.of("Ref", "StreamSymbols"), containerEnvironment("StreamTaskDefinition").stream()
                .filter(v -> "SYMBOLS".equals(v.get("Name"))).findFirst().orElseThrow().get("Value"));
        for (String parameter : List.of("Symbols", "Intervals")) {
            assertFalse(TEMPLATE.parameters().containsKey(parameter), parameter + " would be a list the catalog holds");
        }
        assertFalse(TEMPLATE_TEXT.contains("!Ref Symbols") || TEMPLATE_TEXT.contains("!Ref Intervals"));
    }

    @Test
    void theAlarmTopicIsEncryptedWithAKeyCloudWatchAndEventBridgeMayUse() {
        assertEquals(Map.of("Ref", "AlarmKey"), TEMPLATE.properties("AlarmTopic").get("KmsMasterKeyId"),
                "the AWS-managed SNS key's policy does not let CloudWatch publish");
        Map<String, Object> key = TEMPLATE.properties("AlarmKey");
        assertEquals(Boolean.TRUE, key.get("EnableKeyRotation"));
        List<Map<String, Object>> keyStatements = statements("AlarmKey", key.get("KeyPolicy"));
        assertTrue(keyStatements.stream().anyMatch(st -> publishers(st) && list(st.get("Action")).containsAll(
                List.of("kms:Decrypt", "kms:GenerateDataKey*")) && list(st.get("Action")).size() == 2
                && String.valueOf(st.get("Condition")).contains("aws:SourceAccount")),
                "CloudWatch and EventBridge of this account may use the key, to encrypt for the topic only");
        assertTrue(keyStatements.stream().anyMatch(st -> "kms:*".equals(st.get("Action"))
                && String.valueOf(st.get("Principal")).contains(":root")), "the account administers the key");
        List<Map<String, Object>> topicStatements = statements("AlarmTopicPolicy",
                TEMPLATE.properties("AlarmTopicPolicy").get("PolicyDocument"));
        assertTrue(topicStatements.stream().anyMatch(st -> publishers(st)
                && list(st.get("Action")).contains("sns:Publish") && st.containsKey("Condition")),
                "CloudWatch and EventBridge of this account may publish");
    }

    @Test
    void everyFunctionIsTraced() {
        assertEquals("Active", SamTemplate.map(SamTemplate.map(TEMPLATE.root().get("Globals")).get("Function"))
                .get("Tracing"));
    }

    private static boolean publishers(Map<String, Object> statement) {
        Object service = SamTemplate.map(statement.get("Principal")).get("Service");
        return list(service).containsAll(List.of("cloudwatch.amazonaws.com", "events.amazonaws.com"));
    }

    @Test
    void theTemplateHoldsNoSecrets() {
        for (Pattern secret : List.of(Pattern.compile("(AKIA|ASIA)[A-Z0-9]{16}"),
                Pattern.compile("(?i)aws_secret_access_key|secretaccesskey|-----BEGIN"),
                Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])"))) {
            assertFalse(secret.matcher(TEMPLATE_TEXT).find(), secret.pattern());
        }
        TEMPLATE.parameters().forEach((name, p) -> assertFalse(name.matches("(?i).*(secret|password|token|apikey).*"),
                name + ": secrets belong in Secrets Manager, not in parameters"));
        for (SamTemplate.ServerlessFunction f : TEMPLATE.functions()) {
            f.environment().keySet().forEach(name -> assertFalse(name.matches(".*(SECRET|PASSWORD|TOKEN|API_KEY).*"),
                    f.id() + "." + name));
        }
    }

    @Test
    void samconfigDeploysWithSensibleDefaults() {
        String config = read(ROOT.resolve("samconfig.toml"));
        for (String line : List.of("stack_name = \"klinecast\"", "capabilities = \"CAPABILITY_IAM\"",
                "resolve_s3 = true", "confirm_changeset = true")) {
            assertTrue(config.contains(line), line);
        }
        assertFalse(Pattern.compile("(?m)^\\s*region\\s*=").matcher(config).find(),
                "the region comes from the user's profile or AWS_REGION");
    }

    @Test
    void everyEventFileIsUsedByATestAndIsTheEventItsNameSays() throws IOException {
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(read(ROOT.resolve("pom.xml")));
        StringBuilder tests = new StringBuilder();
        while (module.find()) {
            Path dir = ROOT.resolve(module.group(1)).resolve("src/test/java");
            if (Files.isDirectory(dir)) {
                javaFiles(dir).forEach(f -> tests.append(read(f)).append('\n'));
            }
        }
        List<Path> events;
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            events = files.sorted().toList();
        }
        assertTrue(events.size() >= 19, events.toString());
        for (Path event : events) {
            String name = event.getFileName().toString();
            assertTrue(name.endsWith(".json"), name);
            assertTrue(tests.indexOf(name) >= 0, name + " is used by no test");
            Class<?> type = name.startsWith("predict-") ? APIGatewayV2HTTPEvent.class
                    : name.startsWith("worker-") ? SQSEvent.class : ScheduledEvent.class;
            Object parsed;
            try (InputStream in = Files.newInputStream(event)) {
                parsed = LambdaEventSerializers.serializerFor(type, getClass().getClassLoader()).fromJson(in);
            }
            if (parsed instanceof ScheduledEvent scheduled && name.startsWith("planner-")) {
                // What a planner schedule sends, word for word (the Scheduler's Input has no time).
                assertTrue(plannerInputs().contains(scheduled.getDetail()), name + " is no schedule's Input: "
                        + scheduled.getDetail());
            } else if (parsed instanceof ScheduledEvent scheduled) {
                assertEquals("Scheduled Event", scheduled.getDetailType(), name);
                assertNotNull(scheduled.getTime(), name);
                assertTrue(name.startsWith("ingest-") || name.startsWith("daily-"), name);
            } else if (parsed instanceof SQSEvent sqs) {
                assertEquals(1, sqs.getRecords().size(), name + ": the worker's batch size is 1");
                assertEquals("aws:sqs", sqs.getRecords().get(0).getEventSource(), name);
                com.klinecast.core.fanout.SeriesTask.fromJson(sqs.getRecords().get(0).getBody());
            } else {
                APIGatewayV2HTTPEvent http = (APIGatewayV2HTTPEvent) parsed;
                assertNotNull(http.getRequestContext().getHttp().getMethod(), name);
                assertTrue(http.getRawPath().startsWith("/"), name);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** The details the planner's schedules send. */
    private List<Map<String, Object>> plannerInputs() {
        SamTemplate.ServerlessFunction planner = TEMPLATE.functions().stream()
                .filter(f -> f.id().equals("PlannerFunction")).findFirst().orElseThrow();
        List<Map<String, Object>> details = new ArrayList<>();
        for (Map<String, Object> event : planner.events().values()) {
            String input = (String) SamTemplate.map(event.get("Properties")).get("Input");
            details.add(LambdaEventSerializers.serializerFor(ScheduledEvent.class, getClass().getClassLoader())
                    .fromJson(input).getDetail());
        }
        return details;
    }

    /** Names read from the environment by a module's sources and by the config classes it builds fromEnv. */
    static Map<String, Boolean> envReads(Path module) {
        List<Path> sources = javaFiles(module.resolve("src/main/java"));
        Set<Path> scanned = new LinkedHashSet<>(sources);
        Pattern fromEnv = Pattern.compile("\\b([A-Z][A-Za-z0-9]*)\\.fromEnv\\(");
        List<Path> core = javaFiles(ROOT.resolve("core/src/main/java"));
        for (Path source : sources) {
            Matcher m = fromEnv.matcher(read(source));
            while (m.find()) {
                String file = m.group(1) + ".java";
                core.stream().filter(p -> p.getFileName().toString().equals(file)).forEach(scanned::add);
            }
        }
        Pattern typed = Pattern.compile("\\benv\\.(required|text|list|integer|seconds|url|instant)\\(\\s*\"([A-Z0-9_]+)\"");
        Pattern raw = Pattern.compile("getenv\\((?:\\)\\.getOrDefault\\()?\\s*\"([A-Z0-9_]+)\"");
        Map<String, Boolean> reads = new LinkedHashMap<>();
        for (Path source : scanned) {
            String text = read(source);
            Matcher m = typed.matcher(text);
            while (m.find()) {
                reads.merge(m.group(2), "required".equals(m.group(1)), Boolean::logicalOr);
            }
            m = raw.matcher(text);
            while (m.find()) {
                reads.merge(m.group(1), false, Boolean::logicalOr);
            }
        }
        return reads;
    }

    static List<Map<String, Object>> trainingContainerEnvironment() {
        return containerEnvironment("TrainingTaskDefinition");
    }

    static List<Map<String, Object>> containerEnvironment(String taskDefinition) {
        Map<String, Object> container = SamTemplate.map(((List<?>) TEMPLATE.properties(taskDefinition)
                .get("ContainerDefinitions")).get(0));
        return ((List<?>) container.get("Environment")).stream().map(SamTemplate::<Object>map).toList();
    }

    /** Names the image itself sets: ENV lines, continuation lines joined. */
    private static Set<String> dockerfileEnv(Path dockerfile) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : read(dockerfile).replace("\\\n", " ").split("\n")) {
            if (line.startsWith("ENV ")) {
                Matcher m = Pattern.compile("([A-Z_][A-Z0-9_]*)=").matcher(line);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    static List<Map<String, Object>> statements(String owner, Object document) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object statement : list(SamTemplate.map(document).get("Statement"))) {
            Map<String, Object> s = new LinkedHashMap<>(SamTemplate.map(statement));
            s.put("_in", owner);
            out.add(s);
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    static Set<String> actions(String role) {
        Set<String> actions = new TreeSet<>();
        for (Object policy : (List<?>) TEMPLATE.properties(role).get("Policies")) {
            for (Map<String, Object> s : statements(role, SamTemplate.map(policy).get("PolicyDocument"))) {
                list(s.get("Action")).forEach(a -> actions.add((String) a));
            }
        }
        return actions;
    }

    /** The resources of the role's statements that allow {@code action}. */
    static Set<Object> resourcesOf(String role, String action) {
        Set<Object> resources = new LinkedHashSet<>();
        for (Object policy : (List<?>) TEMPLATE.properties(role).get("Policies")) {
            for (Map<String, Object> s : statements(role, SamTemplate.map(policy).get("PolicyDocument"))) {
                if (list(s.get("Action")).contains(action)) {
                    resources.addAll(list(s.get("Resource")));
                }
            }
        }
        return resources;
    }

    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
    }

    /** A value with parameters at their defaults; resources and pseudo-parameters by name. */
    private static String resolve(Object value) {
        return SamTemplate.resolve(value, name -> {
            Map<String, Object> p = TEMPLATE.parameters().get(name);
            return p != null ? String.valueOf(p.get("Default")) : name;
        });
    }

    /** A literal value, or null for an intrinsic (resolved at deploy time, never blank). */
    private static String literal(Object value) {
        return value instanceof Map<?, ?> ? null : String.valueOf(value);
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
