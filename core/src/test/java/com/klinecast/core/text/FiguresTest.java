package com.klinecast.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void numbersReadAtSixSignificantDigitsWithoutTrailingZeros() {
        assertEquals("1441.75", Figures.of(1441.7505172895842));
        assertEquals("1.06542", Figures.of(1.065419963178049));
        assertEquals("1", Figures.of(1.0));
        assertEquals("0", Figures.of(0.0));
        assertEquals("0.000123457", Figures.of(0.000123456789));
        assertEquals("123457000", Figures.of(123456789.0));
        assertEquals("NaN", Figures.of(Double.NaN));
    }

    @Test
    void aMapKeepsItsOrder() {
        Map<String, Double> pinball = new LinkedHashMap<>();
        pinball.put("conformal", 1.065419963178049);
        pinball.put("static_rw", 1.0);
        assertEquals("{conformal=1.06542, static_rw=1}", Figures.of(pinball));
    }
}
