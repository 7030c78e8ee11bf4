package com.klinecast.predict.api;

/**
 * A request the API answers with an error status and a JSON body {@code {"error": ..., "detail": ...}}. The
 * message is written for the caller: it names the problem and never carries internals (class names, traces).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient Object detail;

    public ApiException(int status, String error, Object detail) {
        super(error);
        this.status = status;
        this.detail = detail;
    }

    public static ApiException badRequest(String error, Object detail) {
        return new ApiException(400, error, detail);
    }

    public static ApiException notFound(String error, Object detail) {
        return new ApiException(404, error, detail);
    }

    public static ApiException unavailable(String error, Object detail) {
        return new ApiException(503, error, detail);
    }

    public int status() {
        return status;
    }

    public String error() {
        return getMessage();
    }

    public Object detail() {
        return detail;
    }
}
