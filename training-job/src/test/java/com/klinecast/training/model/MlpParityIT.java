package com.klinecast.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.forecast.portable.PortableMlp;
import com.klinecast.core.forecast.portable.PortableMlpJson;
import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MLP variant: DL4J's {@code output()} against {@link PortableMlp}'s plain-Java forward pass on real BTCUSDT
 * windows, as {@link PortableParityIT} does for the LSTM: single windows, 30-step recursive forecasts, a direct
 * model's 30 outputs, and a network with every parameter random. A flattening in the wrong order, a transposed
 * matrix, a missed bias or ReLU would show as differences of 1e-2 or more.
 */
class MlpParityIT {

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
        Parity.Difference d = Parity.overWindows(dl4j(network), portable::forward, btc, WINDOW, 5, 1);
        System.out.printf("MLP single windows: %d compared, max |DL4J - portable| = %.3g%n", d.compared(), d.max());
        assertTrue(d.compared() >= 200);
        assertTrue(d.max() <= TOLERANCE, "max difference " + d.max());
    }

    @Test
    void recursiveThirtyDayForecastsMatchDl4j() {
        double max = Parity.overRollouts(dl4j(network), portable::forward, btc, WINDOW);
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

        double max = Parity.overWindows(dl4j(net), copy::forward, btc, WINDOW, 5, horizons).max();
        System.out.printf("MLP direct 30-horizon forecasts: max |DL4J - portable| = %.3g%n", max);
        assertTrue(max <= TOLERANCE, "max difference " + max);
    }

    @Test
    void deeperNetworkWithEveryParameterRandom() {
        LstmSpec deep = new LstmSpec(BtcDaily.FEATURES, 12, List.of(8, 6, 4), 0.3, 3, 1e-3, 5);
        MultiLayerNetwork net = MlpNetworks.build(deep);
        Parity.randomize(net, 3, 0.5);
        PortableMlp copy = PortableExport.mlp(net, deep);

        double max = Parity.overWindows(dl4j(net), copy::forward, btc, 12, 7, 3).max();
        System.out.printf("3-layer, 3-output random MLP: max |DL4J - portable| = %.3g%n", max);
        assertTrue(max <= TOLERANCE, "max difference " + max);
    }

    @Test
    void anLstmIsNotExportedAsAnMlp() {
        LstmSpec spec = LstmSpec.reference(BtcDaily.FEATURES, 4, 1, 1);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PortableExport.mlp(LstmNetworks.build(spec), spec));
    }

    /** DL4J's inference on one window, flattened as the MLP reads it. */
    private static Function<double[][], double[]> dl4j(MultiLayerNetwork net) {
        return Parity.dl4j(net, x -> Nd4jArrays.flat(x, new int[] {0}, 0, 1));
    }
}
