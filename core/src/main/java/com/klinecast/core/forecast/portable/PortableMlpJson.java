package com.klinecast.core.forecast.portable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * {@link PortableMlp} as JSON, like {@link PortableLstmJson}. Floats are written in a round-tripping decimal form,
 * so reading a file gives back bit-identical weights. Unknown fields are refused: a file from a newer format must
 * not half-load.
 */
public final class PortableMlpJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private PortableMlpJson() {
    }

    public static void write(PortableMlp model, OutputStream out) {
        try {
            MAPPER.writeValue(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model", e);
        }
    }

    public static PortableMlp read(InputStream in) {
        try {
            return MAPPER.readValue(in, PortableMlp.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model", e);
        }
    }

    public static byte[] toBytes(PortableMlp model) {
        try {
            return MAPPER.writeValueAsBytes(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model", e);
        }
    }

    public static PortableMlp fromBytes(byte[] json) {
        try {
            return MAPPER.readValue(json, PortableMlp.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model", e);
        }
    }
}
