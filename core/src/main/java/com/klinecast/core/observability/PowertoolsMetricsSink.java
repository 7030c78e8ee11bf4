package com.klinecast.core.observability;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ConsoleSink;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.internal.EmfMetricsLogger;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Emits each document through Powertools for AWS Lambda's metrics (its functional API): one Embedded Metric
 * Format line on standard output per document, under its own dimensions and roll-ups, in the Klinecast namespace.
 *
 * <p>Not through {@code MetricsFactory}'s shared instance: that keeps one context per X-Ray trace until a
 * {@code flush()}, and each document here is flushed on its own context ({@code flushMetrics}), so the shared one
 * would only grow. The EMF library's environment is pinned to standard output: in a Lambda it is the Lambda
 * environment, as the library would pick; anywhere else (the ECS containers, the tests) the library would
 * otherwise probe EC2's metadata and fall back to a CloudWatch agent socket that nothing listens on.
 */
public final class PowertoolsMetricsSink implements MetricsSink {

    private final Metrics metrics;

    public PowertoolsMetricsSink() {
        this.metrics = new EmfMetricsLogger(new StandardOutput(), new MetricsContext());
        metrics.setNamespace(MetricsDocument.NAMESPACE);
    }

    @Override
    public void emit(MetricsDocument document) {
        metrics.flushMetrics(m -> {
            m.setNamespace(MetricsDocument.NAMESPACE);
            // Replaces any default (e.g. a Service dimension from POWERTOOLS_SERVICE_NAME): the alarms watch
            // exactly these dimension sets.
            m.setDefaultDimensions(DimensionSet.of(document.dimensions()));
            for (Map<String, String> rollUp : document.rollUps()) {
                m.addDimension(DimensionSet.of(rollUp));
            }
            for (MetricsDocument.Value value : document.values()) {
                // CloudWatch refuses NaN and infinities; a metric that cannot be a number is left out.
                if (Double.isFinite(value.value())) {
                    m.addMetric(value.name(), value.value(), unit(value.unit()));
                }
            }
            document.properties().forEach((name, value) -> {
                if (value != null) {
                    m.addMetadata(name, value);
                }
            });
        });
    }

    private static MetricUnit unit(MetricsDocument.Unit unit) {
        return switch (unit) {
            case COUNT -> MetricUnit.COUNT;
            case MILLISECONDS -> MetricUnit.MILLISECONDS;
            case SECONDS -> MetricUnit.SECONDS;
            case NONE -> MetricUnit.NONE;
        };
    }

    /** The Lambda environment in a function, else a plain one: both print each document on standard output. */
    private static final class StandardOutput extends EnvironmentProvider {

        private final Environment environment;

        StandardOutput() {
            LambdaEnvironment lambda = new LambdaEnvironment();
            environment = lambda.probe() ? lambda : new Container();
        }

        @Override
        public CompletableFuture<Environment> resolveEnvironment() {
            return CompletableFuture.completedFuture(environment);
        }

        @Override
        public Environment getDefaultEnvironment() {
            return environment;
        }
    }

    /** Outside Lambda: no default dimensions or properties of its own (each document sets its dimensions). */
    private static final class Container implements Environment {

        private final ISink sink = new ConsoleSink();

        @Override
        public boolean probe() {
            return true;
        }

        @Override
        public String getName() {
            return "klinecast";
        }

        @Override
        public String getType() {
            return "Container";
        }

        @Override
        public String getLogGroupName() {
            return "klinecast";
        }

        @Override
        public void configureContext(MetricsContext context) {
        }

        @Override
        public ISink getSink() {
            return sink;
        }
    }
}
