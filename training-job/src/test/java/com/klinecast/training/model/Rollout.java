package com.klinecast.training.model;

import java.util.function.Function;

/**
 * A recursive multi-step forecast in scaled space, the way the predictor will run one: predict the next close,
 * append it as the next step, slide the window, repeat. The appended step follows the project's rule
 * ({@code core.forecast.Bar#next}): a flat candle, open = high = low = close = the predicted price, volume carried
 * over from the last step. Prices move between columns through the price itself, since each column has its own
 * scaling.
 */
final class Rollout {

    private Rollout() {
    }

    static double[] closes(Function<double[][], double[]> model, BtcDaily data, double[][] start, int steps) {
        double[][] window = new double[start.length][];
        for (int t = 0; t < start.length; t++) {
            window[t] = start[t].clone();
        }
        double[] closes = new double[steps];
        for (int s = 0; s < steps; s++) {
            double predicted = model.apply(window)[0];
            closes[s] = predicted;
            double price = data.unscale(BtcDaily.CLOSE, predicted);
            double[] next = new double[BtcDaily.FEATURES];
            for (int f = 0; f < 4; f++) {
                next[f] = data.scale(f, price);
            }
            next[4] = window[window.length - 1][4];
            System.arraycopy(window, 1, window, 0, window.length - 1);
            window[window.length - 1] = next;
        }
        return closes;
    }
}
