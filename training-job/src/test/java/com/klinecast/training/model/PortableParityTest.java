package com.klinecast.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.forecast.portable.PortableLstm;
import com.klinecast.core.forecast.portable.PortableLstmJson;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's {@code output()} against the plain-Java forward pass the prediction Lambda runs, on real BTCUSDT windows:
 * single windows, 30-step recursive forecasts and a direct model's 30 outputs. A wrong gate order, a transposed
 * matrix, a missed bias or a forgotten dropout scaling would show as differences of 1e-2 or more; float rounding is
 * about 1e-7.
 */
class PortableParityTest {

    private static final double TOLERANCE = 1e-5;
    private static final int WINDOW = 30;

    private static BtcDaily btc;
    private static LstmSpec spec;
    private static MultiLayerNetwork network;
    private static PortableLstm portable;

    @BeforeAll
    static void trainBriefly() {
        btc = BtcDaily.load();
        TrainingSet all = btc.windows(WINDOW);
        int split = all.size() * 4 / 5;
        spec = LstmSpec.reference(BtcDaily.FEATURES, WINDOW, 1, 2024);
        network = new LstmTrainer(new TrainingOptions(2, 32, 2)).train(spec,
                btc.windows(WINDOW, 0, split), btc.windows(WINDOW, split, all.size()), EpochListener.NONE).network();
        // Through JSON, as the Lambda will receive it.
        portable = PortableLstmJson.fromBytes(PortableLstmJson.toBytes(PortableExport.from(network, spec)));
    }

    @Test
    void singleWindowsMatchDl4j() {
        int windows = btc.rows.length - WINDOW;
        double max = 0;
        int compared = 0;
        for (int start = 0; start < windows; start += 5) { // 569 windows across 2017-2025
            double[][] window = BtcDaily.floatValued(btc.window(start, WINDOW));
            max = Math.max(max, Math.abs(dl4j(network).apply(window)[0] - portable.forward(window)[0]));
            compared++;
        }
        System.out.printf("single windows: %d compared, max |DL4J - portable| = %.3g%n", compared, max);
        assertTrue(compared >= 200);
        assertTrue(max <= TOLERANCE, "max difference " + max);
    }

    @Test
    void recursiveForecastsMatchDl4j() {
        double max = 0;
        for (int start : new int[] {100, 1000, 2000, btc.rows.length - WINDOW}) {
            double[][] window = BtcDaily.floatValued(btc.window(start, WINDOW));
            double[] expected = Rollout.closes(dl4j(network), btc, window, 30);
            double[] actual = Rollout.closes(portable::forward, btc, window, 30);
            for (int s = 0; s < 30; s++) {
                max = Math.max(max, Math.abs(expected[s] - actual[s]));
            }
        }
        System.out.printf("30-step rollouts: max |DL4J - portable| = %.3g%n", max);
        assertTrue(max <= TOLERANCE, "max difference " + max);
    }

    @Test
    void directThirtyHorizonForecastsMatchDl4j() {
        // A direct model trained briefly: its 30 outputs are the 30 days of a forecast, read in one pass.
        int horizons = 30;
        int windows = btc.rows.length - WINDOW - horizons + 1;
        int split = windows * 4 / 5;
        LstmSpec direct = LstmSpec.reference(BtcDaily.FEATURES, WINDOW, horizons, 2024);
        MultiLayerNetwork net = new LstmTrainer(new TrainingOptions(2, 32, 2)).train(direct,
                btc.windows(WINDOW, horizons, 0, split), btc.windows(WINDOW, horizons, split, windows),
                EpochListener.NONE).network();
        PortableLstm copy = PortableLstmJson.fromBytes(PortableLstmJson.toBytes(PortableExport.from(net, direct)));
        assertEquals(horizons, copy.outputs());

        double max = 0;
        int compared = 0;
        for (int start = 0; start < btc.rows.length - WINDOW; start += 5) {
            double[][] window = BtcDaily.floatValued(btc.window(start, WINDOW));
            double[] expected = dl4j(net).apply(window);
            double[] actual = copy.forward(window);
            for (int h = 0; h < horizons; h++) {
                max = Math.max(max, Math.abs(expected[h] - actual[h]));
            }
            compared++;
        }
        System.out.printf("direct 30-horizon forecasts: %d windows, max |DL4J - portable| = %.3g%n", compared, max);
        assertTrue(compared >= 200);
        assertTrue(max <= TOLERANCE, "max difference " + max);
    }

    @Test
    void deeperNetworkWithSeveralOutputsAndEveryParameterRandom() {
        // Untrained shapes differ per layer, and random biases everywhere (not just DL4J's initial forget bias of 1)
        // so every block of every parameter matters.
        LstmSpec deep = new LstmSpec(BtcDaily.FEATURES, 12, List.of(8, 6, 4), 0.3, 3, 1e-3, 5);
        MultiLayerNetwork net = LstmNetworks.build(deep);
        Random random = new Random(3);
        float[] params = new float[(int) net.numParams()];
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (random.nextGaussian() * 0.8);
        }
        net.setParams(Nd4j.create(params, new long[] {1, params.length}, 'c'));
        PortableLstm copy = PortableExport.from(net, deep);
        assertEquals(3, copy.outputs());

        double max = 0;
        for (int start = 0; start < btc.rows.length - 12; start += 7) {
            double[][] window = BtcDaily.floatValued(btc.window(start, 12));
            double[] expected = dl4j(net).apply(window);
            double[] actual = copy.forward(window);
            for (int o = 0; o < 3; o++) {
                max = Math.max(max, Math.abs(expected[o] - actual[o]));
            }
        }
        System.out.printf("3-layer, 3-output random network: max |DL4J - portable| = %.3g%n", max);
        assertTrue(max <= TOLERANCE, "max difference " + max);
    }

    /** DL4J's inference on one window (dropout off), as a function the rollout can call. */
    private static Function<double[][], double[]> dl4j(MultiLayerNetwork net) {
        return window -> {
            float[][][] x = {BtcDaily.floats(window)};
            float[] out = net.output(Nd4jArrays.windows(x, new int[] {0}, 0, 1), false).toFloatVector();
            double[] d = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                d[i] = out[i];
            }
            return d;
        };
    }
}
