package com.klinecast.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs under surefire with OMP_NUM_THREADS=1 (training-job/pom.xml), as the training job does. */
class LstmTrainerIT {

    private static TrainingSet train;
    private static TrainingSet validation;

    @BeforeAll
    static void data() {
        BtcDaily btc = BtcDaily.load();
        train = btc.windows(20, 0, 400);
        validation = btc.windows(20, 400, 500);
    }

    @Test
    void sameDataSpecAndSeedGiveBitIdenticalWeights() {
        LstmSpec spec = LstmSpec.reference(5, 20, 1, 42);
        TrainingOptions options = new TrainingOptions(2, 32, 5);

        List<double[]> epochs1 = new ArrayList<>();
        List<double[]> epochs2 = new ArrayList<>();
        TrainingResult first = new LstmTrainer(options).train(spec, train, validation,
                (e, t, v, s) -> epochs1.add(new double[] {e, t, v}));
        TrainingResult second = new LstmTrainer(options).train(spec, train, validation,
                (e, t, v, s) -> epochs2.add(new double[] {e, t, v}));

        float[] a = first.network().params().toFloatVector();
        float[] b = second.network().params().toFloatVector();
        assertEquals(31_451, a.length);
        assertArrayEquals(a, b); // bit for bit: floats compare by their bits
        assertEquals(2, epochs1.size());
        for (int i = 0; i < epochs1.size(); i++) {
            assertArrayEquals(epochs1.get(i), epochs2.get(i), 0.0);
        }

        // And the seed matters: weights initialise, drop out and shuffle differently.
        float[] other = new LstmTrainer(options).train(spec.withSeed(43), train, validation, EpochListener.NONE)
                .network().params().toFloatVector();
        assertFalse(Arrays.equals(a, other));
    }

    @Test
    void earlyStoppingKeepsTheBestEpochsWeights() {
        // Validation targets that contradict the training targets (1 - close): the better the network learns
        // the training set, the worse it does here, so validation loss soon stops improving.
        float[][] inverted = new float[validation.size()][];
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = new float[] {1 - validation.y()[i][0]};
        }
        TrainingSet contrary = new TrainingSet(validation.x(), inverted);
        LstmSpec spec = new LstmSpec(5, 20, List.of(16, 16), 0.2, 1, 1e-2, 7);
        int patience = 2;

        List<Double> losses = new ArrayList<>();
        TrainingResult result = new LstmTrainer(new TrainingOptions(30, 32, patience))
                .train(spec, train, contrary, (e, t, v, s) -> {
                    assertEquals(losses.size() + 1, e);
                    assertTrue(t > 0 && s > 0);
                    losses.add(v);
                });

        assertTrue(result.stoppedEarly(), "validation loss kept improving: " + losses);
        assertEquals(losses.size(), result.epochsRun());
        assertEquals(result.bestEpoch() + patience, result.epochsRun());
        double best = losses.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertEquals(best, result.bestValidationLoss(), 0.0);
        assertEquals(best, losses.get(result.bestEpoch() - 1), 0.0);
        // The network handed back is the best epoch's, not the last one's.
        assertEquals(best, LstmTrainer.meanSquaredError(result.network(), contrary), 0.0);
    }
}
