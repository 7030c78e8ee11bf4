package com.klinecast.predict.api;

import com.klinecast.core.ledger.Ledger;
import com.klinecast.core.ledger.LiveSkill;
import com.klinecast.core.ledger.SkillReport;
import com.klinecast.core.registry.RegistryException;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.store.StoreException;
import com.klinecast.predict.forecast.ForecastException;
import com.klinecast.predict.forecast.ForecastQuery;
import com.klinecast.predict.forecast.ForecastResult;
import com.klinecast.predict.forecast.ForecastService;
import com.klinecast.predict.listing.ModelListing;
import com.klinecast.predict.page.Page;
import com.klinecast.predict.served.ServedSeries;
import com.klinecast.predict.volatility.VolatilityResult;
import com.klinecast.predict.volatility.VolatilityService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The HTTP API: {@code GET /forecast}, {@code GET /models} (both for {@code target=close}, the default,
 * {@code target=volume} or {@code target=volatility}), {@code GET /skill} (the live record from the forecast
 * ledger) and the page at {@code GET /}. Every failure becomes a
 * JSON error with a 4xx (the caller's to fix) or a 503 (a store or model is unavailable); an unexpected bug is a
 * 500 whose body says only that it was logged.
 */
public final class Router {

    /** The version that answered a forecast, for callers and for the function's metrics. */
    public static final String MODEL_VERSION_HEADER = "X-Model-Version";
    static final int DEFAULT_DAYS = 7;
    /** No model forecasts further; the range a request may ask for is the served model's (1 to its longest horizon). */
    public static final int MAX_DAYS = 365;
    private static final Pattern VERSION = Pattern.compile("^v?0*([1-9][0-9]{0,5})$");
    private static final String ROUTES = "GET /, GET /forecast, GET /models, GET /skill";

    private final ForecastService forecasts;
    private final VolatilityService volatility;
    private final ModelListing listing;
    private final LiveSkill skill;
    private final ServedSeries served;
    private volatile ServedPage page;
    private final Consumer<String> log;

    /** The page and the series it was written for: rebuilt when the catalog changed. */
    private record ServedPage(List<Series> series, Page page) {
    }

    /** Without a ledger: {@code /skill} answers 404 for every series. */
    public Router(ForecastService forecasts, VolatilityService volatility, ModelListing listing, ServedSeries served,
            Consumer<String> log) {
        this(forecasts, volatility, listing, new LiveSkill(Ledger.EMPTY), served, log);
    }

    public Router(ForecastService forecasts, VolatilityService volatility, ModelListing listing, LiveSkill skill,
            ServedSeries served, Consumer<String> log) {
        this.forecasts = forecasts;
        this.volatility = volatility;
        this.listing = listing;
        this.skill = skill;
        this.served = served;
        this.log = log;
    }

    public ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (ApiException e) {
            return Json.error(e.status(), e.error(), e.detail(), e.status() == 405 ? Map.of("Allow", "GET") : Map.of());
        } catch (ForecastException e) {
            int status = switch (e.kind()) {
                case BAD_REQUEST -> 400;
                case NOT_FOUND -> 404;
                case UNAVAILABLE -> 503;
            };
            if (status == 503) {
                log.accept("503 " + request.path() + ": " + e.getMessage() + ": " + e.detail());
            }
            return Json.error(status, e.getMessage(), e.detail(), status == 503 ? Map.of("Retry-After", "60") : Map.of());
        } catch (SdkException | RegistryException | StoreException e) {
            // The cause's kind (e.g. ResourceNotFoundException) is what an operator searches the logs for.
            log.accept("503 " + request.path() + ": store unavailable: " + e
                    + (e.getCause() == null ? "" : " (caused by " + e.getCause().getClass().getSimpleName() + ")"));
            return Json.error(503, "store unavailable", "the feature table or the model registry did not answer; "
                    + "retry shortly", Map.of("Retry-After", "5"));
        } catch (RuntimeException e) {
            log.accept("500 " + request.path() + ": " + stackTrace(e));
            return Json.error(500, "internal error", "the error was logged; retry, or report it if it persists",
                    Map.of());
        }
    }

    /** The answer to a request that could not even be parsed (a malformed query string). */
    public static ApiResponse refuse(ApiException e) {
        return Json.error(e.status(), e.error(), e.detail(), Map.of());
    }

    private ApiResponse route(ApiRequest request) {
        String path = request.path();
        if (!Set.of("/", "/forecast", "/models", "/skill").contains(path)) {
            throw ApiException.notFound("not found", "no route for '" + QueryParams.shorten(path) + "'; routes: "
                    + ROUTES);
        }
        if (!"GET".equals(request.method())) {
            throw new ApiException(405, "method not allowed", "'" + QueryParams.shorten(request.method()) + " "
                    + path + "' is not served; use GET");
        }
        return switch (path) {
            case "/forecast" -> forecast(QueryParams.of(request,
                    Set.of("symbol", "interval", "target", "days", "version")));
            case "/models" -> models(QueryParams.of(request, Set.of("symbol", "interval", "target")));
            case "/skill" -> skill(QueryParams.of(request, Set.of("symbol", "interval", "target")));
            default -> page();
        };
    }

    private ApiResponse forecast(QueryParams params) {
        Series series = SeriesParams.parse(params, served);
        Target target = target(params);
        int days = params.integer("days", DEFAULT_DAYS);
        OptionalInt version = params.text("version").filter(v -> !"champion".equals(v)).map(Router::version)
                .orElse(OptionalInt.empty());
        // Short caching: a forecast changes when a candle closes or a champion moves, not from second to second.
        if (target == Target.VOLATILITY) {
            VolatilityResult result = volatility.forecast(new ForecastQuery(series, target, days, version));
            return Json.ok(result, "max-age=60", Map.of(MODEL_VERSION_HEADER,
                    Integer.toString(result.model().version())));
        }
        ForecastResult result = forecasts.forecast(new ForecastQuery(series, target, days, version));
        return Json.ok(result, "max-age=60", Map.of(MODEL_VERSION_HEADER, Integer.toString(result.model().version())));
    }

    private ApiResponse models(QueryParams params) {
        Series series = SeriesParams.parse(params, served);
        return Json.ok(listing.list(series, target(params)), "no-cache");
    }

    /** The served forecasts' live record (close, volume or volatility). */
    private ApiResponse skill(QueryParams params) {
        Series series = SeriesParams.parse(params, served);
        Target target = target(params);
        Optional<SkillReport> report = skill.report(series, target);
        if (report.isEmpty()) {
            throw ApiException.notFound("no ledger", series + " has no " + target.code() + " forecasts in the "
                    + "ledger yet: the daily run records one a day once the series has a champion");
        }
        // The ledger changes once a day, when the daily run records and scores.
        return Json.ok(report.get(), "max-age=300");
    }

    /** {@code close} unless {@code target=volume} or {@code volatility}; anything else is refused. */
    private static Target target(QueryParams params) {
        String text = params.text("target").orElse("close");
        try {
            return Target.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid target", "'target' must be close, volume or volatility, got '"
                    + QueryParams.shorten(text) + "'");
        }
    }

    private static OptionalInt version(String text) {
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            throw ApiException.badRequest("invalid version", "'version' must be 'champion' or a version number "
                    + "such as 3, got '" + QueryParams.shorten(text) + "'");
        }
        return OptionalInt.of(Integer.parseInt(m.group(1)));
    }

    private ApiResponse page() {
        List<Series> series = served.list();
        ServedPage current = page;
        if (current == null || !current.series().equals(series)) {
            current = new ServedPage(series, Page.forSeries(series, DEFAULT_DAYS));
            page = current;
        }
        return new ApiResponse(200, Map.of("Content-Type", "text/html; charset=utf-8", "Cache-Control",
                "max-age=300", "Content-Security-Policy", Page.CONTENT_SECURITY_POLICY, "X-Content-Type-Options",
                "nosniff"), current.page().html());
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
