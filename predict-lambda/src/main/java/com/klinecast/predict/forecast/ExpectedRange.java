package com.klinecast.predict.forecast;

/**
 * One standard deviation of the h-day log return either side of a price: {@code price × exp(∓√(h · v̄))}, where
 * v̄ is the forecast mean daily variance over those h days. About two moves in three stay inside it if returns
 * were Gaussian; crypto's fat tails make that optimistic on the worst days.
 */
public record ExpectedRange(double low, double high) {

    public static ExpectedRange around(double price, double meanVariance, int horizon) {
        double sd = Math.sqrt(horizon * meanVariance);
        return new ExpectedRange(price * Math.exp(-sd), price * Math.exp(sd));
    }
}
