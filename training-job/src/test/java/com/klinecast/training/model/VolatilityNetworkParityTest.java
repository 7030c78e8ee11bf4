package com.klinecast.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.portable.NetworkKind;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.core.volatility.NetworkVariance;
import com.klinecast.core.volatility.VarianceProxy;
import com.klinecast.core.volatility.VarianceScaling;
import com.klinecast.core.volatility.VolatilityModel;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The volatility networks as the predictor runs them: an LSTM and an MLP trained one epoch on BTCUSDT's daily
 * Parkinson variances (30 days in, 30 horizons out), exported, wrapped in a {@link NetworkVariance} and read back
 * from the manifest's JSON, against DL4J's {@code output()} on the same windows, as {@link PortableParityTest} does
 * for the close networks: the scaled outputs within float rounding, and the served variances the same transform of
 * DL4J's outputs.
 */
class VolatilityNetworkParityTest {

    private static final double TOLERANCE = 1e-5;
    private static final int WINDOW = 30;
    private static final int HORIZONS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(NetworkKind.class)
    void theServedNetworkIsDl4jsNetwork(NetworkKind kind) throws Exception {
        List<Bar> bars = CsvCandles.read("binance-BTCUSDT-1d.csv", Integer.MAX_VALUE).stream().map(Bar::of).toList();
        double[] variance = VarianceProxy.PARKINSON.of(bars);
        int trainEnd = 2000;
        VarianceScaling scaling = VarianceScaling.fit(variance, trainEnd, true);
        TrainingSet train = windows(variance, scaling, WINDOW - 1, 600);
        TrainingSet validation = windows(variance, scaling, trainEnd, trainEnd + 100);
        LstmSpec spec = new LstmSpec(1, WINDOW, List.of(8), 0.0, HORIZONS, 2e-3, 7);
        Architecture architecture = Architecture.of(kind);
        MultiLayerNetwork network = new LstmTrainer(new TrainingOptions(1, 64, 1)).train(architecture, spec, train,
                validation, EpochListener.NONE).network();
        double[] correction = new double[HORIZONS];
        Arrays.fill(correction, 1.25);
        NetworkVariance exported = new NetworkVariance(kind.code(), WINDOW, scaling, correction,
                architecture.export(network, spec));
        // Through the manifest's JSON, as the Lambda reads it.
        NetworkVariance served = (NetworkVariance) JSON.treeToValue(
                JSON.readTree(JSON.writeValueAsBytes(JSON.valueToTree((VolatilityModel) exported))),
                VolatilityModel.class);

        Function<double[][], double[]> dl4j = Parity.dl4j(network, x -> kind == NetworkKind.MLP
                ? Nd4jArrays.flat(x, new int[] {0}, 0, 1) : Nd4jArrays.windows(x, new int[] {0}, 0, 1));
        double maxScaled = 0;
        double maxRelative = 0;
        int compared = 0;
        for (int origin = WINDOW - 1; origin < variance.length; origin += 7) {
            double[][] window = scaling.input(variance, origin, WINDOW);
            double[] expected = dl4j.apply(BtcDaily.floatValued(window));
            double[] scaled = served.weights().forward(window);
            double[] forecast = served.forecast(variance, origin, HORIZONS);
            for (int h = 0; h < HORIZONS; h++) {
                maxScaled = Math.max(maxScaled, Math.abs(expected[h] - scaled[h]));
                double fromDl4j = 1.25 * scaling.variance(expected[h]);
                maxRelative = Math.max(maxRelative, Math.abs(forecast[h] / fromDl4j - 1));
            }
            compared++;
        }
        System.out.printf("volatility %s: %d windows, max |DL4J - portable| = %.3g scaled, %.3g relative in "
                + "variance%n", kind.code(), compared, maxScaled, maxRelative);
        assertTrue(compared >= 300);
        assertTrue(maxScaled <= TOLERANCE, "max scaled difference " + maxScaled);
        // exp of the scaled output times the spread (about 1.3 here): relative error ~ spread × scaled error.
        assertTrue(maxRelative <= 10 * TOLERANCE, "max relative difference " + maxRelative);
        assertEquals(HORIZONS, served.outputs());
    }

    private static TrainingSet windows(double[] variance, VarianceScaling scaling, int from, int to) {
        float[][][] x = new float[to - from][][];
        float[][] y = new float[to - from][HORIZONS];
        for (int o = from; o < to; o++) {
            x[o - from] = BtcDaily.floats(scaling.input(variance, o, WINDOW));
            for (int h = 1; h <= HORIZONS; h++) {
                y[o - from][h - 1] = (float) scaling.target(variance, o, h);
            }
        }
        return new TrainingSet(x, y);
    }
}
