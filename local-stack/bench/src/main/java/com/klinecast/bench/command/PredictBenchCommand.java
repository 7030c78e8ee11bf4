package com.klinecast.bench.command;

import com.klinecast.bench.Child;
import com.klinecast.bench.IngestBenchmark;
import com.klinecast.bench.PredictBenchmark;
import com.klinecast.bench.PredictFigures;
import com.klinecast.bench.Project;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code klinecast bench predict}: the predict function's warm and cold figures beside their floors. */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Forecast latency (local API and "
        + "handler), forward pass, requests/s, cold start vs a bare-SDK floor, jar sizes. Needs a champion for "
        + "BTCUSDT 1d in the data dir (./klinecast up).")
final class PredictBenchCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Mixin
    PredictRuns runs;

    @Override
    public Integer call() {
        PredictFigures f = PredictFigures.measure(bench.root, Project.home(), runs.requests,
                runs.coldRuns);
        System.out.printf("%nPredict, champion v%d of %s; %d timed sequential requests per row; %d cores, Java %s"
                + "%n", f.championVersion(), PredictFigures.SERIES, f.requests(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.printf("%-34s %9s %9s %9s %12s%n", "warm latency (ms)", "p50", "p99", "max", "target");
        for (int days : PredictFigures.DAYS) {
            row("local API, days=" + days, f.api().get(days), days == 30 ? (f.warmMet() ? "met" : "missed")
                    + " (10/30)" : "");
            row("handler only, days=" + days, f.handler().get(days), "");
        }
        row("forward pass only, days=30", f.forwardPass(), "");
        System.out.printf("requests/s, one instance (sequential, days=7, local API): %.0f%n", f.requestsPerSecond());
        System.out.printf("%ncold start, fresh JVM on predict-lambda.jar (-XX:TieredStopAtLevel=1, as Lambda), %d runs "
                + "alternating, median (min-max):%n", f.coldRuns());
        cold("handler + champion from S3 + one 30-day forecast", f.cold());
        cold("floor: two SDK clients + one call each", f.coldFloor());
        System.out.printf("ratio %.2f (wall);  targets: cold <= 1500 ms %s, <= 300 MB %s%n",
                f.cold().wallMs().median() / f.coldFloor().wallMs().median(), f.coldMet() ? "met" : "missed",
                f.coldRssMet() ? "met" : "missed");
        System.out.printf("%njar sizes (MB):");
        f.jarBytes().forEach((module, bytes) -> System.out.printf("  %s %s", module, bytes == null ? "(not built)"
                : String.format("%.1f", bytes / 1048576.0)));
        System.out.printf("   target: predict <= 20 MB %s%n", f.jarMet() ? "met" : "missed");
        System.out.println("peak RSS of this JVM: " + Child.ownPeakRssMb() + " MB (includes DynamoDB "
                + "Local and S3Proxy)");
        return 0;
    }

    private static void row(String what, PredictBenchmark.Latency l, String target) {
        System.out.printf("%-34s %9.2f %9.2f %9.2f %12s%n", what, l.p50(), l.p99(), l.max(), target);
    }

    private static void cold(String what, PredictBenchmark.Cold c) {
        IngestBenchmark.Stats w = c.wallMs();
        IngestBenchmark.Stats r = c.rssMb();
        System.out.printf("  %-50s %6.0f ms (%4.0f-%4.0f)  %5.0f MB RSS (%3.0f-%3.0f)%n", what, w.median(), w.min(),
                w.max(), r.median(), r.min(), r.max());
    }
}
