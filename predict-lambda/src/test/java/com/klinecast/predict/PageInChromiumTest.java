package com.klinecast.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.standins.apigateway.HttpApiServer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The forecast page in real headless Chromium (Debian's chromium and chromium-driver), loaded from the local
 * API stand-in in front of the predict handler: dynalite holds the real BTCUSDT 1d candles, S3Proxy a
 * published champion. The chart's points are checked against the API's own numbers at 7 and 14 days, and the
 * layout at a phone's width. Screenshots go to target/chromium/ for a person to look at.
 */
class PageInChromiumTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "chromium");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Selenium looks for DevTools bindings matching the browser's version and warns when Debian's Chromium is newer
     * than it knows; this test needs none (its CDP commands go through ChromeDriver). Held so the level sticks.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PredictFixture fixture = new PredictFixture();
    private HttpApiServer api;
    private ChromeDriver driver;
    private Path profile;

    @BeforeEach
    void startBrowserAndApi() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "install Debian's chromium and chromium-driver");
        fixture.withCandles();
        ModelManifest champion = fixture.publishChampion(1);
        assertEquals(1, champion.version());
        api = HttpApiServer.start(0, 4, "PredictFunction", fixture.handler());

        profile = Files.createTempDirectory("klinecast-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString()); // with both paths given, Selenium Manager is never asked to download
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    }

    @AfterEach
    void stop() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (api != null) {
                api.close();
            }
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    @Test
    void drawsTheApisNumbersAtSevenAndFourteenDaysOnALaptopAndFitsAPhone() throws Exception {
        driver.get(api.baseUrl().toString());

        awaitReady(7);
        assertChartMatches(forecast(7), 7);
        screenshot("page-laptop-7.png");

        WebElement days = driver.findElement(By.id("days"));
        days.clear();
        days.sendKeys("14");
        days.sendKeys(Keys.TAB); // commits the value: the change event fetches without waiting for the debounce
        awaitReady(14);
        assertChartMatches(forecast(14), 14);
        assertTrue(String.valueOf(driver.getCurrentUrl()).contains("days=14"), driver.getCurrentUrl());
        screenshot("page-laptop-14.png");

        // A phone: a 390 css px wide mobile viewport; the page redraws the chart at the new width.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        new WebDriverWait(driver, WAIT).until(d -> number(js("return window.innerWidth")) <= 400
                && number(js("return +document.getElementById('chart').viewBox.baseVal.width")) <= 400);
        awaitReady(14);
        assertChartMatches(forecast(14), 14);
        long scrollWidth = (long) number(js("return document.documentElement.scrollWidth"));
        long clientWidth = (long) number(js("return document.documentElement.clientWidth"));
        assertTrue(scrollWidth <= clientWidth, "no horizontal scroll on a phone: scrollWidth " + scrollWidth
                + " > clientWidth " + clientWidth);
        WebElement chart = driver.findElement(By.id("chart"));
        assertTrue(chart.isDisplayed(), "chart shown on a phone");
        assertTrue(chart.getRect().getWidth() > 300 && chart.getRect().getHeight() > 150
                && chart.getRect().getX() >= 0 && chart.getRect().getX() + chart.getRect().getWidth() <= clientWidth,
                "chart inside the phone's width: " + chart.getRect().getDimension() + " at " + chart.getRect().getPoint());
        screenshot("page-phone.png");
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());

        System.out.println("PageInChromiumTest: screenshots in " + SHOTS.toAbsolutePath()
                + " (page-laptop-7.png, page-laptop-14.png, page-phone.png)");
    }

    /** Waits until the page drew the chart for its latest request, and that request was for {@code days}. */
    private void awaitReady(int days) {
        try {
            new WebDriverWait(driver, WAIT).until(d -> {
                WebElement app = d.findElement(By.id("app"));
                return "ready".equals(app.getAttribute("data-state"))
                        && String.valueOf(days).equals(app.getAttribute("data-days"));
            });
        } catch (RuntimeException e) {
            WebElement app = driver.findElement(By.id("app"));
            throw new AssertionError("page not ready with " + days + " days: data-state="
                    + app.getAttribute("data-state") + " data-days=" + app.getAttribute("data-days") + ", error box: "
                    + driver.findElement(By.id("error")).getText(), e);
        }
        assertFalse(driver.findElement(By.id("error")).isDisplayed(), "no error shown");
    }

    private JsonNode forecast(int days) throws Exception {
        URI uri = api.baseUrl().resolve("forecast?symbol=BTCUSDT&interval=1d&days=" + days);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(WAIT)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private void assertChartMatches(JsonNode body, int days) {
        JsonNode history = body.path("history");
        JsonNode forecast = body.path("forecast");
        assertEquals(50, history.size(), "the API's history");
        assertEquals(days, forecast.size(), "the API's forecast");

        List<Map<String, Object>> drawnHistory = points("circle.point.history");
        List<Map<String, Object>> drawnForecast = points("circle.point.forecast");
        assertEquals(history.size(), drawnHistory.size(), "one history point per candle");
        assertEquals(days, drawnForecast.size(), "one forecast point per step");
        for (int i = 0; i < history.size(); i++) {
            JsonNode want = history.get(i);
            Map<String, Object> got = drawnHistory.get(i);
            String where = "history[" + i + "]";
            assertEquals(want.path("time").asText(), got.get("time"), where + " time");
            assertClose(want.path("close").asDouble(), got.get("close"), where + " close");
        }
        for (int j = 0; j < days; j++) {
            JsonNode want = forecast.get(j);
            Map<String, Object> got = drawnForecast.get(j);
            String where = "forecast[" + j + "]";
            assertEquals(want.path("horizon").asText(), got.get("horizon"), where + " horizon");
            assertEquals(String.valueOf(j + 1), got.get("horizon"), where + " horizon");
            assertEquals(want.path("time").asText(), got.get("time"), where + " time");
            assertClose(want.path("close").asDouble(), got.get("close"), where + " close");
            assertClose(want.path("low").asDouble(), got.get("low"), where + " low");
            assertClose(want.path("high").asDouble(), got.get("high"), where + " high");
        }

        // Drawn where the numbers say: left to right in time, and a higher close sits higher (smaller cy).
        List<Map<String, Object>> all = Stream.concat(drawnHistory.stream(), drawnForecast.stream()).toList();
        for (int i = 1; i < all.size(); i++) {
            assertTrue(number(all.get(i).get("cx")) > number(all.get(i - 1).get("cx")), "x grows at point " + i);
        }
        Map<String, Object> max = all.stream().max(Comparator.comparingDouble(p -> close(p))).orElseThrow();
        Map<String, Object> min = all.stream().min(Comparator.comparingDouble(p -> close(p))).orElseThrow();
        assertTrue(number(max.get("cy")) < number(min.get("cy")), "highest close " + max + " above lowest " + min);
        List<Map<String, Object>> byClose = all.stream().sorted(Comparator.comparingDouble(p -> close(p))).toList();
        for (int i = 1; i < byClose.size(); i++) { // cy is written with 2 decimals
            assertTrue(number(byClose.get(i).get("cy")) <= number(byClose.get(i - 1).get("cy")) + 0.011,
                    "higher close drawn no lower: " + byClose.get(i - 1) + " then " + byClose.get(i));
        }

        assertEquals(body.path("model").path("version").asText(), driver.findElement(By.id("model-version")).getText(),
                "#model-version");
        assertEquals("1", driver.findElement(By.id("model-version")).getText());
        assertTrue(driver.findElement(By.id("chart")).isDisplayed(), "chart shown");
    }

    /** Every matching circle's data attributes and position, read in one round trip. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> points(String selector) {
        return (List<Map<String, Object>>) js("return Array.from(document.querySelectorAll(arguments[0])).map(c => ({"
                + "time: c.dataset.time, close: c.dataset.close, low: c.dataset.low, high: c.dataset.high,"
                + "horizon: c.dataset.horizon, cx: c.getAttribute('cx'), cy: c.getAttribute('cy')}))", selector);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void assertClose(double want, Object got, String what) {
        assertTrue(got instanceof String && !((String) got).isBlank(), what + " missing: " + got);
        double value = Double.parseDouble((String) got);
        assertTrue(Double.isFinite(want) && want > 0, what + " from the API: " + want);
        assertEquals(want, value, Math.abs(want) * 1e-9, what + ": drawn " + got + ", API " + want);
    }

    private static double close(Map<String, Object> point) {
        return Double.parseDouble((String) point.get("close"));
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
    }

    /** The whole page, not just the viewport (Chromium's own capture), so the model and skill cards show too. */
    private void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Path target = SHOTS.resolve(name);
        long width = (long) number(js("return document.documentElement.clientWidth"));
        long height = (long) number(js("return document.documentElement.scrollHeight"));
        Object shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1))).get("data");
        if (shot instanceof String base64) {
            Files.write(target, Base64.getDecoder().decode(base64));
        } else { // the viewport will do
            Files.move(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
