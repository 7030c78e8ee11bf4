package com.klinecast.core.forecast.portable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A {@link PortableLstm} or {@link PortableMlp} as JSON (a {@code weights.json}). Floats are written in a
 * round-tripping decimal form, so reading a file gives back bit-identical weights. Unknown fields are refused: a file
 * from a newer format must not half-load.
 */
public final class PortableJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private PortableJson() {
    }

    public static void write(PortableNetwork model, OutputStream out) {
        try {
            MAPPER.writeValue(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model", e);
        }
    }

    public static <T extends PortableNetwork> T read(InputStream in, Class<T> type) {
        try {
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model", e);
        }
    }

    public static byte[] toBytes(PortableNetwork model) {
        try {
            return MAPPER.writeValueAsBytes(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model", e);
        }
    }

    public static <T extends PortableNetwork> T fromBytes(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model", e);
        }
    }
}
