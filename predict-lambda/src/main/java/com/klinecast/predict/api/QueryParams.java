package com.klinecast.predict.api;

import com.klinecast.core.text.Echo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A route's query parameters, checked before use: only the names the route takes, each at most once, values
 * parsed strictly. Every refusal is a 400 naming the parameter, so a typo ({@code day=7}) is not silently ignored.
 */
public final class QueryParams {

    /** Longer values are refused outright: nothing this API takes is near that long. */
    private static final int MAX_LENGTH = 64;

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    public static QueryParams of(ApiRequest request, Set<String> allowed) {
        for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
            String name = entry.getKey();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown parameter", "'" + shorten(name) + "' is not a parameter of "
                        + request.path() + "; it takes " + String.join(", ", new TreeSet<>(allowed)));
            }
            if (entry.getValue().size() > 1) {
                throw ApiException.badRequest("repeated parameter", "'" + name + "' is given "
                        + entry.getValue().size() + " times; give it once");
            }
            if (entry.getValue().get(0).length() > MAX_LENGTH) {
                throw ApiException.badRequest("invalid " + name, "'" + name + "' is longer than " + MAX_LENGTH
                        + " characters");
            }
        }
        return new QueryParams(request.query());
    }

    /** The value, or empty when the parameter is absent or blank. */
    public Optional<String> text(String name) {
        List<String> list = values.get(name);
        return list == null || list.get(0).isBlank() ? Optional.empty() : Optional.of(list.get(0).trim());
    }

    public String required(String name, String example) {
        return text(name).orElseThrow(() -> ApiException.badRequest("missing " + name,
                "'" + name + "' is required, e.g. " + name + "=" + example));
    }

    /** An integer in {@code [min, max]}, or the fallback when absent. */
    public int integer(String name, int fallback, int min, int max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid " + name, "'" + name + "' must be a whole number, got '"
                    + shorten(text.get()) + "'");
        }
        if (value < min || value > max) {
            throw ApiException.badRequest("invalid " + name, "'" + name + "' must be from " + min + " to " + max
                    + ", got " + value);
        }
        return value;
    }

    /** Echoes caller input in a message without letting it grow the body. */
    static String shorten(String text) {
        return Echo.shorten(text);
    }
}
