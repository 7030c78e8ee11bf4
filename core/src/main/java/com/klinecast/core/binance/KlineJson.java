package com.klinecast.core.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.klinecast.core.candle.Candle;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Binance's klines answer: an array of 12-element arrays (exactly 12) whose times and trade count are JSON
 * numbers and whose prices and volumes are JSON strings (parsed as BigDecimal, never double). Streaming, so a
 * 1,000-kline page never becomes a tree.
 */
final class KlineJson {

    private static final JsonFactory JSON = new JsonFactory();

    private KlineJson() {
    }

    /** Binance's error body, {@code {"code":-1121,"msg":"Invalid symbol."}}. */
    record ApiError(int code, String msg) {
    }

    static final class MalformedKlinesException extends Exception {
        MalformedKlinesException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static List<Candle> parseKlines(byte[] body) throws MalformedKlinesException {
        try (JsonParser p = JSON.createParser(body)) {
            expect(p.nextToken(), JsonToken.START_ARRAY, "a JSON array of klines");
            List<Candle> candles = new ArrayList<>();
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                expect(token, JsonToken.START_ARRAY, "a kline array");
                candles.add(readKline(p, candles.size()));
            }
            if (p.nextToken() != null) {
                throw new MalformedKlinesException("trailing data after the klines array", null);
            }
            return candles;
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedKlinesException("malformed klines answer: " + e.getMessage(), e);
        }
    }

    static Optional<ApiError> parseError(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Integer code = null;
            String msg = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("code".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    code = p.getIntValue();
                } else if ("msg".equals(field) && value == JsonToken.VALUE_STRING) {
                    msg = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            return code == null ? Optional.empty() : Optional.of(new ApiError(code, msg == null ? "" : msg));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Candle readKline(JsonParser p, int index) throws IOException, MalformedKlinesException {
        long openTime = time(p, index, "open time");
        BigDecimal open = decimal(p, index, "open");
        BigDecimal high = decimal(p, index, "high");
        BigDecimal low = decimal(p, index, "low");
        BigDecimal close = decimal(p, index, "close");
        BigDecimal volume = decimal(p, index, "volume");
        long closeTime = time(p, index, "close time");
        BigDecimal quoteVolume = decimal(p, index, "quote asset volume");
        long trades = time(p, index, "number of trades");
        BigDecimal takerBase = decimal(p, index, "taker buy base volume");
        BigDecimal takerQuote = decimal(p, index, "taker buy quote volume");
        // Field 12 is Binance's unused "ignore". A row of any other length is refused: a row cut short or shifted
        // by a field would otherwise be read with values moved, or cut, into the wrong columns.
        JsonToken ignore = p.nextToken();
        if (ignore == null) {
            throw new MalformedKlinesException("kline " + index + " is cut off", null);
        }
        if (ignore == JsonToken.END_ARRAY) {
            throw new MalformedKlinesException("kline " + index + " has 11 fields, expected 12", null);
        }
        if (ignore.isStructStart()) {
            throw new MalformedKlinesException("kline " + index + ": field 12 (ignore) is " + describe(ignore)
                    + ", expected a scalar", null);
        }
        JsonToken end = p.nextToken();
        if (end == null) {
            throw new MalformedKlinesException("kline " + index + " is cut off", null);
        }
        if (end != JsonToken.END_ARRAY) {
            throw new MalformedKlinesException("kline " + index + " has more than 12 fields", null);
        }
        return new Candle(openTime, open, high, low, close, volume, closeTime, quoteVolume, trades, takerBase,
                takerQuote);
    }

    private static long time(JsonParser p, int index, String field) throws IOException, MalformedKlinesException {
        JsonToken token = p.nextToken();
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedKlinesException("kline " + index + ": " + field + " is " + describe(token)
                    + ", expected an integer", null);
        }
        return p.getLongValue();
    }

    private static BigDecimal decimal(JsonParser p, int index, String field)
            throws IOException, MalformedKlinesException {
        JsonToken token = p.nextToken();
        if (token != JsonToken.VALUE_STRING) {
            throw new MalformedKlinesException("kline " + index + ": " + field + " is " + describe(token)
                    + ", expected a decimal string", null);
        }
        try {
            BigDecimal value = new BigDecimal(p.getText());
            if (value.signum() < 0) {
                throw new MalformedKlinesException("kline " + index + ": " + field + " is negative", null);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new MalformedKlinesException("kline " + index + ": " + field + " '" + p.getText()
                    + "' is not a decimal", e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) throws MalformedKlinesException {
        if (actual != expected) {
            throw new MalformedKlinesException("expected " + what + ", found " + describe(actual), null);
        }
    }

    private static String describe(JsonToken token) {
        return token == null ? "the end of the body" : token.asString() == null ? token.name() : token.asString();
    }
}
