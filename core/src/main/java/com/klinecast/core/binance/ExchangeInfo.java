package com.klinecast.core.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.series.Series;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The symbols Binance trades, from {@code GET /api/v3/exchangeInfo?permissions=SPOT} (weight 20, once per sync):
 * what a catalog sync picks from by quote asset and status.
 */
public final class ExchangeInfo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final HttpClient http;

    public ExchangeInfo(URI baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /** The symbols with status TRADING quoted in {@code quoteAsset}, sorted; those Klinecast cannot key are left out. */
    public List<String> trading(String quoteAsset) {
        URI uri = baseUrl.resolve("/api/v3/exchangeInfo?permissions=SPOT");
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("exchangeInfo from " + baseUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading exchangeInfo", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("exchangeInfo from " + baseUrl + " answered HTTP " + response.statusCode());
        }
        return trading(response.body(), quoteAsset);
    }

    static List<String> trading(String body, String quoteAsset) {
        JsonNode symbols;
        try {
            symbols = JSON.readTree(body).path("symbols");
        } catch (IOException e) {
            throw new IllegalStateException("exchangeInfo is not JSON: " + e.getMessage(), e);
        }
        if (!symbols.isArray()) {
            throw new IllegalStateException("exchangeInfo has no symbols array");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : symbols) {
            String symbol = s.path("symbol").asText();
            if ("TRADING".equals(s.path("status").asText()) && quoteAsset.equals(s.path("quoteAsset").asText())
                    && isKeyable(symbol)) {
                out.add(symbol);
            }
        }
        return out.stream().sorted().toList();
    }

    private static boolean isKeyable(String symbol) {
        try {
            Series.requireSymbol(symbol);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
