package com.klinecast.core.evaluation.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockBootstrapTest {

    private static final double[] MODEL = new double[300];
    private static final double[] NAIVE = new double[300];

    static {
        Random random = new Random(1);
        for (int t = 0; t < MODEL.length; t++) {
            NAIVE[t] = Math.abs(random.nextGaussian());
            MODEL[t] = Math.abs(NAIVE[t] * 0.9 + 0.3 * random.nextGaussian());
        }
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        Interval first = new BlockBootstrap(500, 7).maseInterval(MODEL, NAIVE, 7, 0.95);
        Interval second = new BlockBootstrap(500, 7).maseInterval(MODEL, NAIVE, 7, 0.95);

        assertEquals(first, second);
        assertNotEquals(first, new BlockBootstrap(500, 8).maseInterval(MODEL, NAIVE, 7, 0.95),
                "another seed draws other blocks");
    }

    @Test
    void theIntervalHoldsThePointEstimate() {
        double mase = sum(MODEL) / sum(NAIVE);

        Interval interval = BlockBootstrap.defaults().maseInterval(MODEL, NAIVE, 1, 0.95);

        assertTrue(interval.low() < mase && mase < interval.high(), interval + " around " + mase);
    }

    @Test
    void aCoverageIntervalWidensWhenMissesComeInRuns() {
        boolean[] scattered = new boolean[400];
        boolean[] runs = new boolean[400];
        for (int t = 0; t < 400; t++) {
            scattered[t] = t % 5 != 0;
            runs[t] = (t / 30) % 5 != 0;
        }

        Interval independent = BlockBootstrap.defaults().shareInterval(scattered, 1, 0.95);
        Interval clustered = BlockBootstrap.defaults().shareInterval(runs, 30, 0.95);

        assertTrue(independent.low() < 0.8 && 0.8 < independent.high(), independent.toString());
        assertTrue(clustered.high() - clustered.low() > 2 * (independent.high() - independent.low()),
                "30-step outcomes missed in runs of 30: " + clustered + " against " + independent);
        assertEquals(clustered, BlockBootstrap.defaults().shareInterval(runs, 30, 0.95), "seeded");
    }

    @Test
    void blocksAreNeverShorterThanTheHorizon() {
        assertEquals(30, BlockBootstrap.blockLength(400, 30));
        assertEquals(8, BlockBootstrap.blockLength(400, 1), "n^(1/3) rounded up when longer than the horizon");
        assertEquals(5, BlockBootstrap.blockLength(5, 30), "never longer than the series");
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
