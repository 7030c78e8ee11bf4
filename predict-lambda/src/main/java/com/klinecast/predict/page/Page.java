package com.klinecast.predict.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.series.Series;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forecast page: one self-contained HTML file (inline script and styles, no CDN), read once per execution
 * environment, with the vendored chart library (TradingView's lightweight-charts, its licence header kept) and the
 * served symbols and intervals written into it.
 */
public final class Page {

    static final String RESOURCE = "/com/klinecast/predict/page/index.html";
    static final String CONFIG_SLOT = "/*KLINECAST_CONFIG*/null";
    static final String CHART_LIBRARY = "/com/klinecast/predict/page/vendor/lightweight-charts.standalone.production.js";
    static final String CHART_LIBRARY_SLOT = "/*KLINECAST_CHART_LIBRARY*/";

    /** Inline script and styles only; the page talks to its own origin and nothing else. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; "
            + "style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final String html;

    private Page(String html) {
        this.html = html;
    }

    public static Page forSeries(List<Series> served, int defaultDays) {
        String template = load(RESOURCE);
        for (String slot : List.of(CONFIG_SLOT, CHART_LIBRARY_SLOT)) {
            if (!template.contains(slot)) {
                throw new IllegalStateException(RESOURCE + " has no " + slot + " slot");
            }
        }
        String library = load(CHART_LIBRARY);
        // Inside a script element only "</script" (any case) or "<!--" could end or derail it early.
        String lower = library.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("</script") || library.contains("<!--")) {
            throw new IllegalStateException(CHART_LIBRARY + " cannot be inlined: it contains </script or <!--");
        }
        return new Page(template.replace(CHART_LIBRARY_SLOT, library).replace(CONFIG_SLOT, config(served, defaultDays)));
    }

    public String html() {
        return html;
    }

    private static String config(List<Series> served, int defaultDays) {
        Map<String, Object> config = new LinkedHashMap<>();
        List<String> symbols = served.stream().map(Series::symbol).distinct().toList();
        config.put("symbols", symbols);
        config.put("intervals", served.stream().map(s -> s.interval().code()).distinct().toList());
        config.put("defaultSymbol", symbols.isEmpty() ? null : symbols.get(0));
        config.put("defaultDays", defaultDays);
        try {
            // "<" escaped so that no value can close the script element the JSON sits in.
            return new ObjectMapper().writeValueAsString(config).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String load(String resource) {
        try (InputStream in = Page.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
