package com.klinecast.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.forecast.portable.NetworkKind;
import com.klinecast.core.forecast.portable.PortableNetwork;
import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * DL4J's {@code output()} against the plain-Java forward pass the prediction Lambda runs, on real BTCUSDT windows,
 * for one architecture: single windows, 30-step recursive forecasts, a direct model's 30 outputs, and a deeper
 * network with every parameter random (so every block of every parameter matters, not just DL4J's initial forget
 * bias of 1). A wrong gate order or flattening, a transposed matrix, a missed bias, activation or dropout scaling
 * would show as differences of 1e-2 or more; float rounding is about 1e-7.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NetworkParity {

    private static final double TOLERANCE = 1e-5;
    private static final int WINDOW = 30;

    private final Architecture architecture;
    private final double randomScale;
    private BtcDaily btc;
    private MultiLayerNetwork network;
    private PortableNetwork portable;

    /** @param randomScale the spread of the random parameters: wide, yet short of saturating every unit */
    NetworkParity(Architecture architecture, double randomScale) {
        this.architecture = architecture;
        this.randomScale = randomScale;
    }

    @BeforeAll
    void trainBriefly() {
        btc = BtcDaily.load();
        TrainingSet all = btc.windows(WINDOW);
        int split = all.size() * 4 / 5;
        LstmSpec spec = LstmSpec.reference(BtcDaily.FEATURES, WINDOW, 1, 2024);
        network = new LstmTrainer(new TrainingOptions(1, 32, 1)).train(architecture, spec,
                btc.windows(WINDOW, 0, split), btc.windows(WINDOW, split, all.size()), EpochListener.NONE).network();
        portable = throughJson(architecture.export(network, spec));
    }

    @Test
    void singleWindowsMatchDl4j() {
        Parity.Difference d = Parity.overWindows(dl4j(network), portable::forward, btc, WINDOW, 5, 1);
        System.out.printf("%s single windows: %d compared, max |DL4J - portable| = %.3g%n", architecture,
                d.compared(), d.max());
        assertTrue(d.compared() >= 200); // 569 windows across 2017-2025
        assertTrue(d.max() <= TOLERANCE, "max difference " + d.max());
    }

    @Test
    void recursiveThirtyStepForecastsMatchDl4j() {
        double max = Parity.overRollouts(dl4j(network), portable::forward, btc, WINDOW);
        System.out.printf("%s 30-step rollouts: max |DL4J - portable| = %.3g%n", architecture, max);
        assertTrue(max <= TOLERANCE, "max difference " + max);
    }

    @Test
    void directThirtyHorizonForecastsMatchDl4j() {
        // A direct model trained briefly: its 30 outputs are the 30 steps of a forecast, read in one pass.
        int horizons = 30;
        int windows = btc.rows.length - WINDOW - horizons + 1;
        int split = windows * 4 / 5;
        LstmSpec direct = LstmSpec.reference(BtcDaily.FEATURES, WINDOW, horizons, 2024);
        MultiLayerNetwork net = new LstmTrainer(new TrainingOptions(1, 32, 1)).train(architecture, direct,
                btc.windows(WINDOW, horizons, 0, split), btc.windows(WINDOW, horizons, split, windows),
                EpochListener.NONE).network();
        PortableNetwork copy = throughJson(architecture.export(net, direct));
        assertEquals(horizons, copy.outputs());

        Parity.Difference d = Parity.overWindows(dl4j(net), copy::forward, btc, WINDOW, 5, horizons);
        System.out.printf("%s direct 30-horizon forecasts: %d windows, max |DL4J - portable| = %.3g%n",
                architecture, d.compared(), d.max());
        assertTrue(d.compared() >= 200);
        assertTrue(d.max() <= TOLERANCE, "max difference " + d.max());
    }

    @Test
    void deeperNetworkWithSeveralOutputsAndEveryParameterRandom() {
        LstmSpec deep = new LstmSpec(BtcDaily.FEATURES, 12, List.of(8, 6, 4), 0.3, 3, 1e-3, 5);
        MultiLayerNetwork net = architecture.build(deep);
        Parity.randomize(net, 3, randomScale);
        PortableNetwork copy = architecture.export(net, deep);
        assertEquals(3, copy.outputs());

        double max = Parity.overWindows(dl4j(net), copy::forward, btc, 12, 7, 3).max();
        System.out.printf("%s 3-layer, 3-output random network: max |DL4J - portable| = %.3g%n", architecture, max);
        assertTrue(max <= TOLERANCE, "max difference " + max);
    }

    /** Through JSON, as the Lambda will receive it. */
    private PortableNetwork throughJson(PortableNetwork network) {
        NetworkKind kind = NetworkKind.valueOf(architecture.name());
        return kind.read(NetworkKind.write(network));
    }

    /** DL4J's inference on one window, laid out as this architecture reads it. */
    private Function<double[][], double[]> dl4j(MultiLayerNetwork net) {
        return Parity.dl4j(net, x -> architecture.windows(x, new int[] {0}, 0, 1));
    }
}
