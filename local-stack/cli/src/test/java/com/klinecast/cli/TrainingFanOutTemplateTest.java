package com.klinecast.cli;

import static com.klinecast.cli.TemplateTest.TEMPLATE;
import static com.klinecast.cli.TemplateTest.list;
import static com.klinecast.cli.TemplateTest.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The training fan-out in template.yaml: a Step Functions state machine that reads the catalog item, runs one ECS
 * task per series with the series as a container override, isolates each failure, fails the execution naming
 * them (alarmed), and may do nothing else. No Step Functions stand-in runs here; cfn-lint checks the schema.
 */
class TrainingFanOutTemplateTest {

    /** What ecs:runTask.sync needs beyond RunTask: watching and stopping the cluster's tasks, its managed rule. */
    static final Set<String> WATCHED = Set.of(
            "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task/${TrainingCluster}/*",
            "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForECSTaskRule");

    private static final Map<String, Object> MACHINE = TEMPLATE.properties("TrainingStateMachine");
    private static final Map<String, Object> STATES = SamTemplate.map(SamTemplate.map(MACHINE.get("Definition"))
            .get("States"));

    private static Map<String, Object> state(String name) {
        Map<String, Object> state = SamTemplate.map(STATES.get(name));
        assertNotNull(state, "no state " + name + " in " + STATES.keySet());
        return state;
    }

    @Test
    void theCatalogItemIsReadConsistentlyAndAnEmptyCatalogTrainsNothing() {
        Map<String, Object> read = state("ReadCatalog");
        assertEquals("arn:aws:states:::dynamodb:getItem", read.get("Resource"));
        Map<String, Object> parameters = SamTemplate.map(read.get("Parameters"));
        assertEquals("${FeatureTable}", parameters.get("TableName"));
        assertEquals(Map.of("series", Map.of("S", "#series"), "openTime", Map.of("N", "0")), parameters.get("Key"),
                "the item SeriesCatalogTable writes");
        assertEquals(Boolean.TRUE, parameters.get("ConsistentRead"));
        assertEquals(Map.of("Ref", "FeatureTable"), SamTemplate.map(MACHINE.get("DefinitionSubstitutions"))
                .get("FeatureTable"));

        Map<String, Object> choice = SamTemplate.map(list(state("AnySeries").get("Choices")).get(0));
        assertEquals("$.catalog.item.members.SS[0]", choice.get("Variable"));
        assertEquals("Succeed", state((String) state("AnySeries").get("Default")).get("Type"));
    }

    @Test
    void eachSeriesIsOneTaskWithTheSeriesAsAnOverrideAtMostTrainingConcurrencyAtOnce() {
        Map<String, Object> settings = SamTemplate.map(state("Settings").get("Parameters"));
        assertEquals("$.catalog.item.members.SS", settings.get("series.$"));
        assertEquals("States.StringToJson('${Concurrency}')", settings.get("maxConcurrency.$"));
        assertEquals(Map.of("Ref", "TrainingConcurrency"), SamTemplate.map(MACHINE.get("DefinitionSubstitutions"))
                .get("Concurrency"));
        Map<String, Object> parameter = TEMPLATE.parameters().get("TrainingConcurrency");
        assertTrue(Integer.parseInt(String.valueOf(parameter.get("MaxValue"))) <= 40,
                "an inline Map runs at most 40 iterations at once");

        Map<String, Object> map = state("TrainEach");
        assertEquals("Map", map.get("Type"));
        assertEquals("$.series", map.get("ItemsPath"));
        assertEquals("$.maxConcurrency", map.get("MaxConcurrencyPath"));
        assertEquals(Map.of("series.$", "$$.Map.Item.Value"), map.get("ItemSelector"));

        Map<String, Object> train = iteration("Train");
        assertEquals("arn:aws:states:::ecs:runTask.sync", train.get("Resource"), "waits for the task to stop");
        Map<String, Object> run = SamTemplate.map(train.get("Parameters"));
        assertEquals("${Cluster}", run.get("Cluster"));
        assertEquals("${TaskDefinition}", run.get("TaskDefinition"));
        assertEquals("FARGATE", run.get("LaunchType"));
        Map<String, Object> override = SamTemplate.map(list(SamTemplate.map(run.get("Overrides"))
                .get("ContainerOverrides")).get(0));
        String container = (String) SamTemplate.map(list(TEMPLATE.properties("TrainingTaskDefinition")
                .get("ContainerDefinitions")).get(0)).get("Name");
        assertEquals(container, override.get("Name"));
        assertEquals(List.of(Map.of("Name", "SERIES", "Value.$", "$.series")), override.get("Environment"),
                "the variable TrainingSeries reads");
        Map<String, Object> network = SamTemplate.map(SamTemplate.map(run.get("NetworkConfiguration"))
                .get("AwsvpcConfiguration"));
        assertEquals("States.StringSplit('${Subnets}', ',')", network.get("Subnets.$"));
        assertEquals("States.StringSplit('${SecurityGroups}', ',')", network.get("SecurityGroups.$"));
        assertTrue(((Number) train.get("TimeoutSeconds")).intValue() >= 3600, "far above a measured run");
        Map<String, Object> substitutions = SamTemplate.map(MACHINE.get("DefinitionSubstitutions"));
        assertEquals(Map.of("Fn::GetAtt", List.of("TrainingCluster", "Arn")), substitutions.get("Cluster"));
        assertEquals(Map.of("Ref", "TrainingTaskDefinition"), substitutions.get("TaskDefinition"));
        assertEquals(placeholders(), new TreeSet<>(substitutions.keySet()), "every placeholder substituted");
    }

    @Test
    void aFailedSeriesIsCaughtOnItsOwnAndTheExecutionThenFailsNamingTheFailedOnes() {
        Map<String, Object> train = iteration("Train");
        List<Object> retries = list(train.get("Retry"));
        for (Object retry : retries) {
            assertFalse(list(SamTemplate.map(retry).get("ErrorEquals")).contains("States.ALL"),
                    "a task that ran and failed is not run again; the next schedule is its retry");
            assertFalse(list(SamTemplate.map(retry).get("ErrorEquals")).contains("States.TaskFailed"));
        }
        Map<String, Object> catchAll = SamTemplate.map(list(train.get("Catch")).get(0));
        assertEquals(List.of("States.ALL"), catchAll.get("ErrorEquals"), "every failure of one series is caught");
        assertEquals(1, list(train.get("Catch")).size());
        assertEquals(Map.of("series.$", "$.series", "trained", false, "error.$", "$.error.Error"),
                iteration((String) catchAll.get("Next")).get("Parameters"));
        assertEquals(Boolean.TRUE, iteration((String) catchAll.get("Next")).get("End"));
        assertEquals(Map.of("series.$", "$.series", "trained", true),
                iteration((String) train.get("Next")).get("Parameters"));
        assertTrue(train.containsKey("ResultPath") && train.get("ResultPath") == null,
                "the task's description stays out of the Map's result (256 KB limit)");

        assertEquals("Summarize", state("TrainEach").get("Next"));
        assertEquals("$.results[?(@.trained == false)].series", SamTemplate.map(state("Summarize")
                .get("Parameters")).get("failed.$"));
        Map<String, Object> anyFailed = SamTemplate.map(list(state("AllTrained").get("Choices")).get(0));
        assertEquals("$.failed[0]", anyFailed.get("Variable"));
        Map<String, Object> fail = state((String) anyFailed.get("Next"));
        assertEquals("Fail", fail.get("Type"));
        assertTrue(String.valueOf(fail.get("CausePath")).contains("States.JsonToString($.failed)"),
                "the cause names the failed series");

        Map<String, Object> alarm = TEMPLATE.properties("TrainingExecutionsAlarm");
        String metrics = String.valueOf(alarm.get("Metrics"));
        for (String metric : List.of("ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted")) {
            assertTrue(metrics.contains("MetricName=" + metric) && metrics.contains("Namespace=AWS/States"), metric);
        }
        assertTrue(metrics.contains("Value={Ref=TrainingStateMachine}"), metrics);
        assertEquals(List.of(Map.of("Ref", "AlarmTopic")), alarm.get("AlarmActions"));
        assertTrue(TEMPLATE.resources().containsKey("TrainingFailedRule"), "each task exiting non-zero notifies too");
    }

    @Test
    void theStateMachinesRoleMayReadTheCatalogItemRunTheTrainingTaskAndPassItsTwoRolesOnly() {
        assertEquals(Map.of("Fn::GetAtt", List.of("TrainingStateMachineRole", "Arn")), MACHINE.get("Role"));
        assertFalse(MACHINE.containsKey("Policies"), "its permissions are in its role");
        Map<String, Object> role = TEMPLATE.properties("TrainingStateMachineRole");
        Map<String, Object> trust = statements("TrainingStateMachineRole", role.get("AssumeRolePolicyDocument")).get(0);
        assertEquals(Map.of("Service", "states.amazonaws.com"), trust.get("Principal"));
        assertTrue(String.valueOf(trust.get("Condition")).contains("aws:SourceAccount"));

        Map<String, Map<String, Object>> byAction = new LinkedHashMap<>();
        for (Object policy : list(role.get("Policies"))) {
            for (Map<String, Object> s : statements("TrainingStateMachineRole", SamTemplate.map(policy)
                    .get("PolicyDocument"))) {
                assertEquals("Allow", s.get("Effect"));
                list(s.get("Action")).forEach(a -> byAction.put((String) a, s));
            }
        }
        assertEquals(new TreeSet<>(Set.of("dynamodb:GetItem", "ecs:RunTask", "ecs:DescribeTasks", "ecs:StopTask",
                "events:PutTargets", "events:PutRule", "events:DescribeRule", "iam:PassRole")),
                new TreeSet<>(byAction.keySet()));

        Map<String, Object> getItem = byAction.get("dynamodb:GetItem");
        assertEquals(Map.of("Fn::GetAtt", List.of("FeatureTable", "Arn")), getItem.get("Resource"));
        assertEquals(Map.of("ForAllValues:StringEquals", Map.of("dynamodb:LeadingKeys", List.of("#series"))),
                getItem.get("Condition"), "the catalog item only, not the candles");
        Map<String, Object> runTask = byAction.get("ecs:RunTask");
        assertEquals(Map.of("Ref", "TrainingTaskDefinition"), runTask.get("Resource"));
        assertEquals(Map.of("ArnEquals", Map.of("ecs:cluster", Map.of("Fn::GetAtt", List.of("TrainingCluster",
                "Arn")))), runTask.get("Condition"));
        assertEquals(Map.of("Fn::Sub", WATCHED.stream().filter(w -> w.contains(":task/")).findFirst().orElseThrow()),
                byAction.get("ecs:DescribeTasks").get("Resource"));
        assertEquals(Map.of("Fn::Sub", WATCHED.stream().filter(w -> w.contains(":rule/")).findFirst().orElseThrow()),
                byAction.get("events:PutRule").get("Resource"));
        Map<String, Object> passRole = byAction.get("iam:PassRole");
        assertEquals(List.of(Map.of("Fn::GetAtt", List.of("TrainingExecutionRole", "Arn")),
                Map.of("Fn::GetAtt", List.of("TrainingTaskRole", "Arn"))), passRole.get("Resource"));
        assertEquals(Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")),
                passRole.get("Condition"));

        List<Map<String, Object>> start = new ArrayList<>();
        for (Object policy : list(TEMPLATE.properties("TrainingScheduleRole").get("Policies"))) {
            start.addAll(statements("TrainingScheduleRole", SamTemplate.map(policy).get("PolicyDocument")));
        }
        assertEquals(1, start.size());
        assertEquals("states:StartExecution", start.get(0).get("Action"));
        assertEquals(Map.of("Ref", "TrainingStateMachine"), start.get(0).get("Resource"));
    }

    private static Map<String, Object> iteration(String name) {
        Map<String, Object> processor = SamTemplate.map(state("TrainEach").get("ItemProcessor"));
        assertEquals(Map.of("Mode", "INLINE"), processor.get("ProcessorConfig"));
        Map<String, Object> state = SamTemplate.map(SamTemplate.map(processor.get("States")).get(name));
        assertNotNull(state, "no state " + name + " in the Map's iteration");
        return state;
    }

    /** The ${...} placeholders of the definition (not the JSONPath and intrinsic text around them). */
    private static Set<String> placeholders() {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9]+)}").matcher(String.valueOf(MACHINE.get("Definition")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
