package com.klinecast.core.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Numbers in messages meant for people: six significant digits, no exponent, no trailing zeros
 * (1441.7505172895842 reads 1441.75, 0.000123456789 reads 0.000123457). Stored values keep full precision.
 */
public final class Figures {

    private static final MathContext SIGNIFICANT = new MathContext(6);

    private Figures() {
    }

    public static String of(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    /** A name-to-number map as {@code {a=1.06542, b=1}}, in the map's order. */
    public static String of(Map<String, Double> values) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        values.forEach((name, value) -> out.add(name + "=" + of(value)));
        return out.toString();
    }
}
