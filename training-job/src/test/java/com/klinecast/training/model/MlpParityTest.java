package com.klinecast.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.forecast.portable.PortableMlp;
import com.klinecast.core.forecast.portable.PortableMlpJson;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The MLP variant: DL4J's {@code output()} against {@link PortableMlp}'s plain-Java forward pass on real BTCUSDT
 * windows, as {@link PortableParityTest} does for the LSTM: single windows, 30-step recursive forecasts, a direct
 * model's 30 outputs, and a network with every parameter random. A flattening in the wrong order, a transposed
 * matrix, a missed bias or ReLU would show as differences of 1e-2 or more.
 */
class MlpParityTest {

    private static final double TOLERANCE = 1e-5;
    private static final int WINDOW = 30;

    private static BtcDaily btc;
    private static MultiLayerNetwork network;
    private static PortableMlp portable;

    @BeforeAll
    static void trainBriefly() {
        btc = BtcDaily.load();
        TrainingSet all = btc.windows(WINDOW);
        int split = all.size() * 4 / 5;
        LstmSpec spec = LstmSpec.reference(BtcDaily.FEATURES, WINDOW, 1, 2024);
        network = new LstmTrainer(new TrainingOptions(2, 32, 2)).train(Architecture.MLP, spec,
                btc.windows(WINDOW, 0, split), btc.windows(WINDOW, split, all.size()), EpochListener.NONE).network();
        // Through JSON, as the Lambda will receive it.
        portable = PortableMlpJson.fromBytes(PortableMlpJson.toBytes(PortableExport.mlp(network, spec)));
    }

    @Test
    void singleWindowsMatchDl4j() {
        double max = 0;
        int compared = 0;
        for (int start = 0; start < btc.rows.length - WINDOW; start += 5) {
            double[][] window = BtcDaily.floatValued(btc.window(start, WINDOW));
            max = Math.max(max, Math.abs(dl4j(network).apply(window)[0] - portable.forward(window)[0]));
            compared++;
        }
        System.out.printf("MLP single windows: %d compared, max |DL4J - portable| = %.3g%n", compared, max);
        assertTrue(compared >= 200);
        assertTrue(max <= TOLERANCE, "max difference " + max);
    }

    @Test
    void recursiveThirtyDayForecastsMatchDl4j() {
        double max = 0;
        for (int start : new int[] {100, 1000, 2000, btc.rows.length - WINDOW}) {
            double[][] window = BtcDaily.floatValued(btc.window(start, WINDOW));
            double[] expected = Rollout.closes(dl4j(network), btc, window, 30);
            double[] actual = Rollout.closes(portable::forward, btc, window, 30);
            for (int s = 0; s < 30; s++) {
                max = Math.max(max, Math.abs(expected[s] - actual[s]));
            }
        }
        System.out.printf("MLP 30-step rollouts: max |DL4J - portable| = %.3g%n", max);
        assertTrue(max <= TOLERANCE, "max difference " + max);
    }

    @Test
    void directThirtyHorizonForecastsMatchDl4j() {
        int horizons = 30;
        int windows = btc.rows.length - WINDOW - horizons + 1;
        int split = windows * 4 / 5;
        LstmSpec direct = LstmSpec.reference(BtcDaily.FEATURES, WINDOW, horizons, 2024);
        MultiLayerNetwork net = new LstmTrainer(new TrainingOptions(2, 32, 2)).train(Architecture.MLP, direct,
                btc.windows(WINDOW, horizons, 0, split), btc.windows(WINDOW, horizons, split, windows),
                EpochListener.NONE).network();
        PortableMlp copy = PortableMlpJson.fromBytes(PortableMlpJson.toBytes(PortableExport.mlp(net, direct)));
        assertEquals(horizons, copy.outputs());

        double max = 0;
        for (int start = 0; start < btc.rows.length - WINDOW; start += 5) {
            double[][] window = BtcDaily.floatValued(btc.window(start, WINDOW));
            double[] expected = dl4j(net).apply(window);
            double[] actual = copy.forward(window);
            for (int h = 0; h < horizons; h++) {
                max = Math.max(max, Math.abs(expected[h] - actual[h]));
            }
        }
        System.out.printf("MLP direct 30-horizon forecasts: max |DL4J - portable| = %.3g%n", max);
        assertTrue(max <= TOLERANCE, "max difference " + max);
    }

    @Test
    void deeperNetworkWithEveryParameterRandom() {
        // Random weights and biases everywhere, so every row and column of every layer matters.
        LstmSpec deep = new LstmSpec(BtcDaily.FEATURES, 12, List.of(8, 6, 4), 0.3, 3, 1e-3, 5);
        MultiLayerNetwork net = MlpNetworks.build(deep);
        Random random = new Random(3);
        float[] params = new float[(int) net.numParams()];
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (random.nextGaussian() * 0.5);
        }
        net.setParams(Nd4j.create(params, new long[] {1, params.length}, 'c'));
        PortableMlp copy = PortableExport.mlp(net, deep);

        double max = 0;
        for (int start = 0; start < btc.rows.length - 12; start += 7) {
            double[][] window = BtcDaily.floatValued(btc.window(start, 12));
            double[] expected = dl4j(net).apply(window);
            double[] actual = copy.forward(window);
            for (int o = 0; o < 3; o++) {
                max = Math.max(max, Math.abs(expected[o] - actual[o]));
            }
        }
        System.out.printf("3-layer, 3-output random MLP: max |DL4J - portable| = %.3g%n", max);
        assertTrue(max <= TOLERANCE, "max difference " + max);
    }

    @Test
    void anLstmIsNotExportedAsAnMlp() {
        LstmSpec spec = LstmSpec.reference(BtcDaily.FEATURES, 4, 1, 1);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PortableExport.mlp(LstmNetworks.build(spec), spec));
    }

    /** DL4J's inference on one window (dropout off), flattened as the MLP reads it. */
    private static Function<double[][], double[]> dl4j(MultiLayerNetwork net) {
        return window -> {
            float[][][] x = {BtcDaily.floats(window)};
            float[] out = net.output(Nd4jArrays.flat(x, new int[] {0}, 0, 1), false).toFloatVector();
            double[] d = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                d[i] = out[i];
            }
            return d;
        };
    }
}
