package com.klinecast.core.forecast.portable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * {@link PortableLstm} as JSON. Floats are written in a round-tripping decimal form, so reading a file gives
 * back bit-identical weights. Unknown fields are refused: a file from a newer format must not half-load.
 */
public final class PortableLstmJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private PortableLstmJson() {
    }

    public static void write(PortableLstm model, OutputStream out) {
        try {
            MAPPER.writeValue(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model", e);
        }
    }

    public static PortableLstm read(InputStream in) {
        try {
            return MAPPER.readValue(in, PortableLstm.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model", e);
        }
    }

    public static byte[] toBytes(PortableLstm model) {
        try {
            return MAPPER.writeValueAsBytes(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model", e);
        }
    }

    public static PortableLstm fromBytes(byte[] json) {
        try {
            return MAPPER.readValue(json, PortableLstm.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model", e);
        }
    }
}
