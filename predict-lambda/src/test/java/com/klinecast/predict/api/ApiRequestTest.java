package com.klinecast.predict.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

    @Test
    void decodesEscapesAndKeepsRepeatedValues() {
        Map<String, List<String>> query = ApiRequest.parseQuery("symbol=BTC%55SDT&days=7&days=8&flag&=x");

        assertEquals(List.of("BTCUSDT"), query.get("symbol"));
        assertEquals(List.of("7", "8"), query.get("days"));
        assertEquals(List.of(""), query.get("flag"));
    }

    @Test
    void aMalformedEscapeIsTheCallersError() {
        ApiException e = assertThrows(ApiException.class, () -> ApiRequest.parseQuery("symbol=%E0%A4%A"));

        assertEquals(400, e.status());
        assertEquals("malformed query string", e.error());
    }
}
