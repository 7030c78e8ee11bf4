package com.klinecast.core.forecast.portable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PortableJsonTest {

    @Test
    void roundTripKeepsEveryWeightAndTheOutputsBitForBit() {
        PortableLstm model = randomModel(new Random(7), 5, 30, new int[] {8, 6}, 3);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PortableJson.write(model, out);
        PortableLstm back = PortableJson.read(new ByteArrayInputStream(out.toByteArray()), PortableLstm.class);

        assertEquals(model.format(), back.format());
        assertEquals(model.inputFeatures(), back.inputFeatures());
        assertEquals(model.window(), back.window());
        assertEquals(model.lstmLayers().size(), back.lstmLayers().size());
        for (int l = 0; l < model.lstmLayers().size(); l++) {
            LstmLayerWeights a = model.lstmLayers().get(l);
            LstmLayerWeights b = back.lstmLayers().get(l);
            assertEquals(a.inputSize(), b.inputSize());
            assertEquals(a.hiddenSize(), b.hiddenSize());
            assertArrayEquals(a.inputWeights(), b.inputWeights()); // row by row, floats compared bit for bit
            assertArrayEquals(a.recurrentWeights(), b.recurrentWeights());
            assertArrayEquals(a.bias(), b.bias());
        }
        assertArrayEquals(model.output().weights(), back.output().weights());
        assertArrayEquals(model.output().bias(), back.output().bias());

        double[][] window = randomWindow(new Random(8), 30, 5);
        assertArrayEquals(model.forward(window), back.forward(window), 0.0);
        assertArrayEquals(PortableJson.toBytes(model), PortableJson.toBytes(back));
    }

    @Test
    void refusesAnotherFormatAndUnknownFields() {
        String json = new String(PortableJson.toBytes(randomModel(new Random(1), 2, 3, new int[] {2}, 1)),
                StandardCharsets.UTF_8);

        assertThrows(UncheckedIOException.class, () -> PortableJson.fromBytes(
                json.replace(PortableLstm.FORMAT, "klinecast-lstm/99").getBytes(StandardCharsets.UTF_8),
                PortableLstm.class));
        assertThrows(UncheckedIOException.class, () -> PortableJson.fromBytes(
                json.replaceFirst("\\{", "{\"peepholes\":true,").getBytes(StandardCharsets.UTF_8),
                PortableLstm.class));
    }

    @Test
    void refusesInconsistentShapes() {
        LstmLayerWeights layer = new LstmLayerWeights(2, 3, new float[2][12], new float[3][12], new float[12]);
        DenseWeights dense = new DenseWeights(3, 1, new float[3][1], new float[1]);
        assertThrows(IllegalArgumentException.class, () -> new PortableLstm(4, 5, List.of(layer), dense));
        assertThrows(IllegalArgumentException.class, () -> new PortableLstm(2, 5, List.of(layer),
                new DenseWeights(2, 1, new float[2][1], new float[1])));
        assertThrows(IllegalArgumentException.class, // GravesLSTM's RW has 3 peephole columns more
                () -> new LstmLayerWeights(2, 3, new float[2][12], new float[3][12 + 3], new float[12]));
        PortableLstm ok = new PortableLstm(2, 5, List.of(layer), dense);
        assertThrows(IllegalArgumentException.class, () -> ok.forward(new double[4][2]));
        assertThrows(IllegalArgumentException.class, () -> ok.forward(new double[5][3]));
    }

    static PortableLstm randomModel(Random random, int features, int window, int[] hidden, int outputs) {
        List<LstmLayerWeights> layers = new java.util.ArrayList<>();
        int in = features;
        for (int n : hidden) {
            layers.add(new LstmLayerWeights(in, n, floats(random, in, 4 * n), floats(random, n, 4 * n),
                    floats(random, 4 * n)));
            in = n;
        }
        return new PortableLstm(features, window, layers,
                new DenseWeights(in, outputs, floats(random, in, outputs), floats(random, outputs)));
    }

    static double[][] randomWindow(Random random, int steps, int features) {
        double[][] w = new double[steps][features];
        for (double[] row : w) {
            for (int f = 0; f < features; f++) {
                row[f] = random.nextDouble();
            }
        }
        return w;
    }

    private static float[][] floats(Random random, int rows, int columns) {
        float[][] v = new float[rows][];
        for (int r = 0; r < rows; r++) {
            v[r] = floats(random, columns);
        }
        return v;
    }

    private static float[] floats(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * 0.5);
        }
        return v;
    }
}
