package com.klinecast.training.model;

import com.klinecast.core.forecast.portable.PortableLstm;
import com.klinecast.core.forecast.portable.PortableLstmJson;

/**
 * Prints figures, asserts nothing (not a test): epoch wall time of the reference network on every 30×5 window of
 * the bundled BTCUSDT daily klines (batch 32), then the portable forward pass for one window and for a 30-step
 * recursive rollout. Run it with OMP_NUM_THREADS=1 and a capped heap, e.g.
 * {@code OMP_NUM_THREADS=1 java -Xmx512m -cp <test classpath> com.klinecast.training.model.LstmBenchmark [epochs]}.
 */
public final class LstmBenchmark {

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        BtcDaily data = BtcDaily.load();
        TrainingSet all = data.windows(30);
        System.out.printf("windows: %d of 30x5, OMP_NUM_THREADS=%s, max heap %d MB%n", all.size(),
                System.getenv("OMP_NUM_THREADS"), Runtime.getRuntime().maxMemory() >> 20);

        LstmSpec spec = LstmSpec.reference(5, 30, 1, 42);
        // Epoch time over every window; validation is a small tail so the figure is mostly training.
        TrainingSet validation = data.windows(30, all.size() - 64, all.size());
        TrainingResult result = new LstmTrainer(new TrainingOptions(epochs, 32, epochs)).train(spec, all, validation,
                (e, train, val, s) -> System.out.printf("epoch %d: train %.6f val %.6f %.2f s%n", e, train, val, s));

        byte[] json = PortableLstmJson.toBytes(PortableExport.from(result.network(), spec));
        long t0 = System.nanoTime();
        PortableLstm portable = PortableLstmJson.fromBytes(json);
        double[][] window = data.window(all.size() - 1, 30);
        long t1 = System.nanoTime();
        double sink = portable.forward(window)[0];
        long t2 = System.nanoTime();
        sink += Rollout.closes(portable::forward, data, window, 30)[29];
        long t3 = System.nanoTime();
        System.out.printf("portable model: %d bytes of JSON, read in %.1f ms; first forward %.2f ms, "
                + "first 30-step rollout %.2f ms (cold JIT)%n", json.length, (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                (t3 - t2) / 1e6);
        for (int round = 0; round < 3; round++) {
            int n = 20_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += portable.forward(window)[0];
            }
            double single = (System.nanoTime() - start) / 1e3 / n;
            int m = 1_000;
            start = System.nanoTime();
            for (int i = 0; i < m; i++) {
                sink += Rollout.closes(portable::forward, data, window, 30)[29];
            }
            double rollout = (System.nanoTime() - start) / 1e6 / m;
            System.out.printf("warm round %d: forward %.1f us/window, 30-step rollout %.2f ms%n", round, single, rollout);
        }
        System.out.printf("(checksum %.3f)%n", sink);
    }
}
