package com.klinecast.core.forecast.portable;

import com.klinecast.core.forecast.ModelFamily;
import java.util.Locale;

/**
 * The architectures the training job can train and the predictor can run, named in configuration and in a
 * manifest's config as {@code lstm} or {@code mlp}. Versions published before the field existed are all LSTMs.
 */
public enum NetworkKind {
    /** Stacked LSTM layers over the window's time steps, the last read at its final step; a dense output. */
    LSTM,
    /** Dense ReLU layers over the flattened window (window × columns inputs); a dense output. */
    MLP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NetworkKind of(String name) {
        for (NetworkKind k : values()) {
            if (k.code().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "': use lstm or mlp");
    }

    /** The network a trained family's weights hold. */
    public static NetworkKind of(ModelFamily family) {
        if (family.isBaseline()) {
            throw new IllegalStateException(family.code() + " is a baseline: it has no network weights");
        }
        return of(family.code());
    }

    /** The network in a {@code weights.json} written for this kind. */
    public PortableNetwork read(byte[] json) {
        return switch (this) {
            case LSTM -> PortableJson.fromBytes(json, PortableLstm.class);
            case MLP -> PortableJson.fromBytes(json, PortableMlp.class);
        };
    }

    /** The {@code weights.json} of a network of this kind. */
    public static byte[] write(PortableNetwork network) {
        return PortableJson.toBytes(network);
    }
}
