package com.klinecast.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.forecast.portable.PortableLstm;
import com.klinecast.core.forecast.portable.PortableLstmJson;
import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DL4J's {@code output()} against the plain-Java forward pass the prediction Lambda runs, on real BTCUSDT windows:
 * single windows, 30-step recursive forecasts and a direct model's 30 outputs. A wrong gate order, a transposed
 * matrix, a missed bias or a forgotten dropout scaling would show as differences of 1e-2 or more; float rounding is
 * about 1e-7.
 */
class PortableParityIT {

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
        network = new LstmTrainer(new TrainingOptions(1, 32, 1)).train(spec,
                btc.windows(WINDOW, 0, split), btc.windows(WINDOW, split, all.size()), EpochListener.NONE).network();
        // Through JSON, as the Lambda will receive it.
        portable = PortableLstmJson.fromBytes(PortableLstmJson.toBytes(PortableExport.from(network, spec)));
    }

    @Test
    void singleWindowsMatchDl4j() {
        Parity.Difference d = Parity.overWindows(dl4j(network), portable::forward, btc, WINDOW, 5, 1);
        System.out.printf("single windows: %d compared, max |DL4J - portable| = %.3g%n", d.compared(), d.max());
        assertTrue(d.compared() >= 200); // 569 windows across 2017-2025
        assertTrue(d.max() <= TOLERANCE, "max difference " + d.max());
    }

    @Test
    void recursiveForecastsMatchDl4j() {
        double max = Parity.overRollouts(dl4j(network), portable::forward, btc, WINDOW);
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
        MultiLayerNetwork net = new LstmTrainer(new TrainingOptions(1, 32, 1)).train(direct,
                btc.windows(WINDOW, horizons, 0, split), btc.windows(WINDOW, horizons, split, windows),
                EpochListener.NONE).network();
        PortableLstm copy = PortableLstmJson.fromBytes(PortableLstmJson.toBytes(PortableExport.from(net, direct)));
        assertEquals(horizons, copy.outputs());

        Parity.Difference d = Parity.overWindows(dl4j(net), copy::forward, btc, WINDOW, 5, horizons);
        System.out.printf("direct 30-horizon forecasts: %d windows, max |DL4J - portable| = %.3g%n", d.compared(),
                d.max());
        assertTrue(d.compared() >= 200);
        assertTrue(d.max() <= TOLERANCE, "max difference " + d.max());
    }

    @Test
    void deeperNetworkWithSeveralOutputsAndEveryParameterRandom() {
        // Untrained shapes differ per layer, and random biases everywhere (not just DL4J's initial forget bias of 1)
        // so every block of every parameter matters.
        LstmSpec deep = new LstmSpec(BtcDaily.FEATURES, 12, List.of(8, 6, 4), 0.3, 3, 1e-3, 5);
        MultiLayerNetwork net = LstmNetworks.build(deep);
        Parity.randomize(net, 3, 0.8);
        PortableLstm copy = PortableExport.from(net, deep);
        assertEquals(3, copy.outputs());

        double max = Parity.overWindows(dl4j(net), copy::forward, btc, 12, 7, 3).max();
        System.out.printf("3-layer, 3-output random network: max |DL4J - portable| = %.3g%n", max);
        assertTrue(max <= TOLERANCE, "max difference " + max);
    }

    /** DL4J's inference on one window, laid out as a sequence. */
    private static Function<double[][], double[]> dl4j(MultiLayerNetwork net) {
        return Parity.dl4j(net, x -> Nd4jArrays.windows(x, new int[] {0}, 0, 1));
    }
}
