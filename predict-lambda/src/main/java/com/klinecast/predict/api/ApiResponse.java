package com.klinecast.predict.api;

import java.util.Map;

/** What a route answers: status, headers and a text body (JSON or the page). */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }
}
