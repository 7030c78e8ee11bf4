package com.klinecast.core.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KlineJsonTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsErrorBodies() {
        KlineJson.ApiError error = KlineJson.parseError(bytes("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")).orElseThrow();

        assertEquals(-1121, error.code());
        assertEquals("Invalid symbol.", error.msg());
        assertTrue(KlineJson.parseError(bytes("<html>")).isEmpty());
    }

    @Test
    void rejectsPricesSentAsNumbersRatherThanStrings() {
        String kline = "[[1502928000000,4261.48,\"4485.39\",\"4200.74\",\"4285.08\",\"795.15\",1503014399999,"
                + "\"3454770.05\",3427,\"616.24\",\"2678216.40\",\"0\"]]";

        var e = assertThrows(KlineJson.MalformedKlinesException.class, () -> KlineJson.parseKlines(bytes(kline)));
        assertTrue(e.getMessage().contains("open"), e.getMessage());
    }

    @Test
    void rejectsAKlineWithTooFewFields() {
        assertThrows(KlineJson.MalformedKlinesException.class,
                () -> KlineJson.parseKlines(bytes("[[1502928000000,\"1\",\"2\"]]")));
    }

    @Test
    void rejectsARowWithoutItsTwelfthFieldOrWithAThirteenth() throws Exception {
        String eleven = "[[1502928000000,\"4261.48\",\"4485.39\",\"4200.74\",\"4285.08\",\"795.15\",1503014399999,"
                + "\"3454770.05\",3427,\"616.24\",\"466\"]]";
        String thirteen = eleven.replace("\"466\"]]", "\"466\",\"0\",\"474537.79\"]]");

        var cut = assertThrows(KlineJson.MalformedKlinesException.class, () -> KlineJson.parseKlines(bytes(eleven)));
        var shifted = assertThrows(KlineJson.MalformedKlinesException.class,
                () -> KlineJson.parseKlines(bytes(thirteen)));
        assertTrue(cut.getMessage().contains("kline 0 has 11 fields, expected 12"), cut.getMessage());
        assertTrue(shifted.getMessage().contains("kline 0 has more than 12 fields"), shifted.getMessage());
        assertEquals(1, KlineJson.parseKlines(bytes(eleven.replace("\"466\"]]", "\"466\",\"0\"]]"))).size());
    }

    @Test
    void acceptsAnEmptyPage() throws Exception {
        assertEquals(0, KlineJson.parseKlines(bytes("[]")).size());
    }
}
