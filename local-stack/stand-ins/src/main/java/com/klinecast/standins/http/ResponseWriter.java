package com.klinecast.standins.http;

import com.klinecast.standins.http.PlainHttpServer.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Writes one response and closes the exchange ({@code Connection: close}): this server frames the body itself. */
final class ResponseWriter {

    private ResponseWriter() {
    }

    /** API Gateway's own error shape: {"message": "..."}. */
    static Response json(int status, String message) {
        return new Response(status, Map.of("Content-Type", List.of("application/json")),
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    static void write(OutputStream out, String method, Response response) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reason(response.status())).append("\r\n");
        boolean dated = false;
        for (Map.Entry<String, List<String>> e : response.headers().entrySet()) {
            String name = e.getKey();
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Connection")
                    || name.equalsIgnoreCase("Transfer-Encoding")) {
                continue; // this server frames the body itself
            }
            dated |= name.equalsIgnoreCase("Date");
            for (String value : e.getValue()) {
                head.append(name).append(": ").append(value.replaceAll("[\r\n]", " ")).append("\r\n");
            }
        }
        if (!dated) {
            head.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                    .append("\r\n");
        }
        byte[] body = response.body() == null ? new byte[0] : response.body();
        boolean bodiless = "HEAD".equals(method) || response.status() == 204 || response.status() == 304;
        if (response.status() != 204 && response.status() != 304) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!bodiless) {
            out.write(body);
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error";
        };
    }

}
