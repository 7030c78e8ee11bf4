package com.klinecast.bench;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's floating-point peak as the training can reach it, measured: run in its own JVM (with the
 * launcher's OMP_NUM_THREADS, as the training is), it prints, in GFLOP/s,
 * <ul>
 *   <li>{@code sgemm}: ND4J's matrix multiply (OpenBLAS sgemm underneath) of two 1024 x 1024 float matrices, the
 *       best of the timed calls: the practical peak of this core for the kind of work the LSTM does;</li>
 *   <li>{@code sgemmStep}: the same call at the shape of one recurrent step of the default LSTM's training
 *       (batch 32 x 50 hidden times 50 x 200 gate weights), where per-call overhead weighs;</li>
 *   <li>{@code javaFma}: a plain Java loop of {@code Math.fma} on eight independent float accumulators (scalar: no
 *       SIMD), the JVM's own peak without vector instructions.</li>
 * </ul>
 */
public final class PeakFlops {

    private PeakFlops() {
    }

    /** With the argument {@code sgemm}, only the large multiply (the others are single-threaded figures). */
    public static void main(String[] args) {
        Nd4j.getRandom().setSeed(42);
        boolean all = args.length == 0 || !args[0].equals("sgemm");
        double big = sgemm(1024, 1024, 1024, 3, 12);
        double step = all ? sgemm(32, 50, 200, 2_000, 20_000) : Double.NaN;
        double fma = all ? javaFma() : Double.NaN;
        System.out.printf("peak sgemm %.2f sgemmStep %.2f javaFma %.2f threads %s%n", big, step, fma,
                System.getenv().getOrDefault("OMP_NUM_THREADS", "?"));
    }

    /** GFLOP/s of C = A(m x k) B(k x n): the best of the timed calls for the large shape, the mean for the small. */
    private static double sgemm(int m, int k, int n, int warmUp, int calls) {
        INDArray a = Nd4j.rand(DataType.FLOAT, m, k);
        INDArray b = Nd4j.rand(DataType.FLOAT, k, n);
        INDArray c = Nd4j.create(DataType.FLOAT, m, n);
        for (int i = 0; i < warmUp; i++) {
            a.mmuli(b, c);
        }
        double flops = 2.0 * m * k * n;
        if (calls <= 50) {
            double[] rates = new double[calls];
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                a.mmuli(b, c);
                rates[i] = flops / (System.nanoTime() - t0);
            }
            return Arrays.stream(rates).max().orElse(0);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            a.mmuli(b, c);
        }
        return flops * calls / (System.nanoTime() - t0);
    }

    private static double javaFma() {
        double best = 0;
        float sink = 0;
        for (int round = 0; round < 5; round++) {
            float x = 0.999_999f;
            float y = 0.001f + round * 1e-9f;
            float a0 = 1;
            float a1 = 2;
            float a2 = 3;
            float a3 = 4;
            float a4 = 5;
            float a5 = 6;
            float a6 = 7;
            float a7 = 8;
            int iterations = 100_000_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                a0 = Math.fma(a0, x, y);
                a1 = Math.fma(a1, x, y);
                a2 = Math.fma(a2, x, y);
                a3 = Math.fma(a3, x, y);
                a4 = Math.fma(a4, x, y);
                a5 = Math.fma(a5, x, y);
                a6 = Math.fma(a6, x, y);
                a7 = Math.fma(a7, x, y);
            }
            long nanos = System.nanoTime() - t0;
            sink += a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
            best = Math.max(best, 16.0 * iterations / nanos);
        }
        if (!Float.isFinite(sink)) {
            System.out.println("non-finite");
        }
        return best;
    }
}
