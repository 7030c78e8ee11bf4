package com.klinecast.predict.api;

import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Series;
import com.klinecast.predict.served.ServedSeries;
import java.util.List;
import java.util.Locale;

/**
 * The {@code symbol} and {@code interval} parameters, checked against strict patterns first (they become table
 * keys and S3 prefixes) and then against the series this deployment serves (its series catalog).
 */
final class SeriesParams {

    private SeriesParams() {
    }

    static Series parse(QueryParams params, ServedSeries servedSeries) {
        List<Series> served = servedSeries.list();
        String example = served.isEmpty() ? "BTCUSDT" : served.get(0).symbol();
        String symbol = params.required("symbol", example).toUpperCase(Locale.ROOT);
        try {
            Series.requireSymbol(symbol);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid symbol", "'symbol' must be 2 to 20 letters or digits, e.g. "
                    + example + ", got '" + QueryParams.shorten(symbol) + "'");
        }
        String code = params.text("interval").orElse("1d");
        Interval interval;
        try {
            interval = Interval.parse(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid interval", "'interval' must be a Binance interval such as 1d or "
                    + "1h, got '" + QueryParams.shorten(code) + "'");
        }
        Series series = new Series(symbol, interval);
        if (!servedSeries.serves(series)) {
            served = servedSeries.list();
            if (served.isEmpty()) {
                throw ApiException.notFound("unknown symbol", series + " is not served here: the series catalog "
                        + "is empty (klinecast series add)");
            }
            boolean knownSymbol = served.stream().anyMatch(s -> s.symbol().equals(symbol));
            throw ApiException.notFound(knownSymbol ? "unknown interval" : "unknown symbol", series
                    + " is not served here; served: " + String.join(", ", served.stream().map(Series::toString)
                    .toList()));
        }
        return series;
    }
}
