package com.klinecast.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.predict.page.Page;
import com.klinecast.standins.apigateway.HttpApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page served at {@code GET /} carries the vendored lightweight-charts inline with its licence header intact,
 * the version recorded in vendor/VERSION, and nothing fetched from elsewhere.
 */
class VendoredChartLibraryIT {

    private static final String VENDOR = "/com/klinecast/predict/page/vendor/";

    @Test
    void theServedPageInlinesTheLibraryWithItsLicenceHeader() throws Exception {
        Properties recorded = new Properties();
        try (InputStream in = Page.class.getResourceAsStream(VENDOR + "VERSION")) {
            recorded.load(in);
        }
        String library = resource(VENDOR + recorded.getProperty("file"));
        String header = library.substring(0, library.indexOf("*/") + 2);
        assertTrue(header.startsWith("/*!\n * @license\n * TradingView Lightweight Charts™ v"
                + recorded.getProperty("version") + "\n"), header);
        assertTrue(header.contains("Licensed under Apache License 2.0"), header);
        assertTrue(resource(VENDOR + "lightweight-charts.LICENSE").contains("Apache License"), "licence text kept");

        PredictFixture fixture = new PredictFixture();
        try (HttpApiServer api = HttpApiServer.start(0, 1, "PredictFunction", fixture.handler())) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.baseUrl()).GET()
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertEquals(200, page.statusCode());
            assertEquals(Page.CONTENT_SECURITY_POLICY,
                    page.headers().firstValue("Content-Security-Policy").orElse(""));
            assertTrue(page.body().contains(header), "the licence header is in the served page");
            assertTrue(page.body().contains(library), "the whole library, unchanged");
            assertFalse(Pattern.compile("<script[^>]*\\ssrc=|<link[^>]*stylesheet", Pattern.CASE_INSENSITIVE)
                    .matcher(page.body()).find(), "no script or style fetched from elsewhere");
            assertFalse(page.body().contains("/*KLINECAST_CHART_LIBRARY*/"), "slot filled");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Page.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
