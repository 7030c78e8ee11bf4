package com.klinecast.predict.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an HTTP API request the routes read: method, path (without a stage prefix) and query parameters
 * with every value kept, so a repeated parameter is seen as such rather than silently joined.
 */
public record ApiRequest(String method, String path, Map<String, List<String>> query) {

    public ApiRequest {
        method = method == null ? "" : method;
        path = path == null || path.isEmpty() ? "/" : path;
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    public static ApiRequest get(String path, String rawQuery) {
        return new ApiRequest("GET", path, parseQuery(rawQuery));
    }

    /**
     * Decodes {@code a=1&b=x%20y}. A malformed escape is the caller's error, so it becomes a 400 naming the
     * parameter, not an exception from the decoder.
     */
    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "a parameter name");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "parameter '" + name + "'");
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String text, String what) {
        try {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed query string", what + " has an invalid %-escape");
        }
    }
}
