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

    /**
     * A whole number, or the fallback when the parameter is absent; present but empty ({@code days=}) is refused,
     * never read as the fallback. Its range is the caller's to check.
     */
    public int integer(String name, int fallback) {
        List<String> list = values.get(name);
        if (list == null) {
            return fallback;
        }
        String text = list.get(0).trim();
        if (text.isEmpty()) {
            throw ApiException.badRequest("invalid " + name, "'" + name + "' is empty: give a whole number, or "
                    + "leave it out for " + fallback);
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid " + name, "'" + name + "' must be a whole number, got '"
                    + shorten(text) + "'");
        }
    }

    /** Echoes caller input in a message without letting it grow the body. */
    static String shorten(String text) {
        return Echo.shorten(text);
    }
}
