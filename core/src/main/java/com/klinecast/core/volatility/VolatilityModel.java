package com.klinecast.core.volatility;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A forecaster of daily variance. Its forecast at horizon h is the mean variance over the next h days, the
 * quantity a band h days out needs (the variance of an h-day log return is h times it). What a version holds is
 * this object, stored as the manifest's {@code scaler} under {@code kind}; nothing is refitted at serving time.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NaiveVariance.class, name = "naive"),
    @JsonSubTypes.Type(value = MeanVariance.class, name = "mean"),
    @JsonSubTypes.Type(value = Har.class, name = "har"),
    @JsonSubTypes.Type(value = NetworkVariance.class, name = "network")})
public sealed interface VolatilityModel permits NaiveVariance, MeanVariance, Har, NetworkVariance {

    /** The name of the model in configuration, manifests and tables: naive, mean30 (the 30-day mean), har, lstm or
     * mlp. */
    String family();

    /** Days of variance history a forecast reads, the origin's included. */
    int history();

    /**
     * Mean variance over days origin+1 .. origin+h, for h = 1 .. maxHorizon, from {@code variance[0 .. origin]}
     * only.
     */
    double[] forecast(double[] variance, int origin, int maxHorizon);

    /** The mean of {@code v[from .. to]} inclusive. */
    static double mean(double[] v, int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += v[i];
        }
        return sum / (to - from + 1);
    }
}
