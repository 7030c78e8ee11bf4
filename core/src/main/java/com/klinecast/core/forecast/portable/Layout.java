package com.klinecast.core.forecast.portable;

import java.util.List;
import java.util.function.ToIntFunction;

/** The checks both networks make of their file and of each window: the same words for the same faults. */
final class Layout {

    private Layout() {
    }

    static void requireFormat(String expected, String format) {
        if (!expected.equals(format)) {
            throw new IllegalArgumentException("unsupported model format " + format + ", expected " + expected);
        }
    }

    /**
     * That each of {@code layers} reads what the one before gives ({@code inputs} for the first) and the output
     * layer reads the last one's width.
     */
    static <L> void requireChain(String kind, int inputs, List<L> layers, ToIntFunction<L> inputSize,
            ToIntFunction<L> outputSize, DenseWeights output) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("at least one " + kind + " layer is needed");
        }
        int in = inputs;
        for (int i = 0; i < layers.size(); i++) {
            L layer = layers.get(i);
            if (inputSize.applyAsInt(layer) != in) {
                throw new IllegalArgumentException(kind + " layer " + i + " reads " + inputSize.applyAsInt(layer)
                        + " inputs, but receives " + in);
            }
            in = outputSize.applyAsInt(layer);
        }
        if (output.inputSize() != in) {
            throw new IllegalArgumentException("output layer reads " + output.inputSize() + " inputs, but receives "
                    + in);
        }
    }

    static void requireSteps(double[][] window, int steps) {
        if (window.length != steps) {
            throw new IllegalArgumentException("expected a window of " + steps + " steps, got " + window.length);
        }
    }

    /** One step's features as float, as DL4J reads them, into {@code into} from {@code offset}. */
    static void copyStep(double[] step, int features, float[] into, int offset) {
        if (step.length != features) {
            throw new IllegalArgumentException("expected " + features + " features per step, got " + step.length);
        }
        for (int f = 0; f < features; f++) {
            into[offset + f] = (float) step[f];
        }
    }
}
