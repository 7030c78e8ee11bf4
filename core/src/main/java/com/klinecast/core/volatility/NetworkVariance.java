package com.klinecast.core.volatility;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.forecast.portable.NetworkKind;
import com.klinecast.core.forecast.portable.PortableLstm;
import com.klinecast.core.forecast.portable.PortableMlp;
import com.klinecast.core.forecast.portable.PortableNetwork;

/**
 * A trained network (LSTM or MLP) forecasting volatility directly: the last {@code window} days' scaled variances
 * in, one output per horizon out, each the scaled mean variance over the next h days. An output is turned back
 * into a variance by {@link VarianceScaling} and multiplied by its horizon's {@code correction}, the mean ratio
 * of realized to forecast variance on the validation split: on the log scale exp(E[log v]) falls short of E[v],
 * and that ratio is the one constant factor that minimises QLIKE there. The weights are held inline in the
 * version's manifest (a few thousand floats), so the predictor runs them in plain Java
 * ({@link PortableNetwork#forward}) with nothing else to fetch.
 *
 * @param network lstm or mlp
 * @param correction per horizon 1 .. outputs, the factor applied to the network's variance
 */
public record NetworkVariance(String network, int window, VarianceScaling scaling, double[] correction,
        PortableNetwork weights) implements VolatilityModel {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public NetworkVariance {
        NetworkKind.of(network);
        if (weights.window() != window || weights.inputFeatures() != 1) {
            throw new IllegalArgumentException("the network reads " + weights.window() + " steps of "
                    + weights.inputFeatures() + " values, expected " + window + " of 1");
        }
        if (correction.length != weights.outputs()) {
            throw new IllegalArgumentException("one correction per output: " + correction.length + " for "
                    + weights.outputs());
        }
        correction = correction.clone();
    }

    @JsonCreator
    static NetworkVariance read(@JsonProperty("network") String network, @JsonProperty("window") int window,
            @JsonProperty("scaling") VarianceScaling scaling, @JsonProperty("correction") double[] correction,
            @JsonProperty("weights") JsonNode weights) {
        Class<? extends PortableNetwork> type = NetworkKind.of(network) == NetworkKind.MLP ? PortableMlp.class
                : PortableLstm.class;
        try {
            return new NetworkVariance(network, window, scaling, correction, STRICT.treeToValue(weights, type));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + network + " weights: " + e.getOriginalMessage());
        }
    }

    @Override
    @JsonIgnore
    public String family() {
        return network;
    }

    @Override
    @JsonIgnore
    public int history() {
        return window;
    }

    /** The longest horizon the network forecasts. */
    @JsonIgnore
    public int outputs() {
        return weights.outputs();
    }

    @Override
    public double[] forecast(double[] variance, int origin, int maxHorizon) {
        if (maxHorizon > outputs()) {
            throw new IllegalArgumentException("this " + network + " forecasts at most " + outputs() + " days, asked "
                    + maxHorizon);
        }
        double[] raw = raw(variance, origin);
        double[] out = new double[maxHorizon];
        for (int h = 1; h <= maxHorizon; h++) {
            out[h - 1] = Math.max(VarianceProxy.FLOOR, raw[h - 1] * correction[h - 1]);
        }
        return out;
    }

    /** The network's variances from {@code origin}, before the correction: what the correction is fitted on. */
    public double[] raw(double[] variance, int origin) {
        double[] scaled = weights.forward(scaling.input(variance, origin, window));
        double[] out = new double[scaled.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scaling.variance(scaled[i]);
        }
        return out;
    }

    /** The same network with another correction. */
    public NetworkVariance withCorrection(double[] factors) {
        return new NetworkVariance(network, window, scaling, factors, weights);
    }
}
