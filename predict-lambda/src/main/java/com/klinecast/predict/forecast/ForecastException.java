package com.klinecast.predict.forecast;

/**
 * Why a forecast (or a model listing) cannot be given, in the caller's terms. The API maps the kind to a status:
 * a bad request is the caller's to fix, a missing thing is a 404, and an unavailable model or feature row is a
 * 503 (retry later, or an operator must act).
 */
public final class ForecastException extends RuntimeException {

    public enum Kind { BAD_REQUEST, NOT_FOUND, UNAVAILABLE }

    private final Kind kind;
    private final String detail;

    public ForecastException(Kind kind, String error, String detail) {
        super(error);
        this.kind = kind;
        this.detail = detail;
    }

    public static ForecastException unavailable(String error, String detail) {
        return new ForecastException(Kind.UNAVAILABLE, error, detail);
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }
}
