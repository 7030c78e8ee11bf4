package com.klinecast.standins.http;

import com.klinecast.standins.http.PlainHttpServer.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one HTTP/1.1 request off a connection, target as sent, within API Gateway's limits; what it cannot read
 * is {@link Refused} with the status to answer.
 */
final class RequestReader {

    /** What API Gateway accepts at most: a 10 MB payload; headers and the request line far less. */
    static final int MAX_BODY = 10 * 1024 * 1024;
    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEADER_BYTES = 64 * 1024;

    private RequestReader() {
    }

    /** @return null at a clean end of stream before any byte */
    static Request read(InputStream in, OutputStream out, InetAddress remote) throws IOException {
        String line = line(in, MAX_LINE, 414, "Request-URI Too Long");
        while (line != null && line.isEmpty()) { // a stray CRLF between requests is allowed before the line
            line = line(in, MAX_LINE, 414, "Request-URI Too Long");
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/1.")
                || !parts[0].chars().allMatch(c -> c > 32 && c < 127)) {
            throw new Refused(400, "Bad Request");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int total = 0;
        for (String h = line(in, MAX_LINE, 431, "Request Header Fields Too Large"); h != null && !h.isEmpty();
                h = line(in, MAX_LINE, 431, "Request Header Fields Too Large")) {
            total += h.length();
            int colon = h.indexOf(':');
            if (total > MAX_HEADER_BYTES || headers.size() >= 200) {
                throw new Refused(431, "Request Header Fields Too Large");
            }
            if (colon <= 0) {
                throw new Refused(400, "Bad Request");
            }
            headers.computeIfAbsent(h.substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(h.substring(colon + 1).trim());
        }
        String chunked = header(headers, "Transfer-Encoding");
        String length = header(headers, "Content-Length");
        byte[] body;
        if ("100-continue".equalsIgnoreCase(header(headers, "Expect")) && (chunked != null || length != null)) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        if (chunked != null) {
            if (length != null || !"chunked".equalsIgnoreCase(chunked)) {
                throw new Refused(400, "Bad Request");
            }
            body = chunks(in);
        } else if (length != null) {
            long n;
            try {
                n = Long.parseLong(length);
            } catch (NumberFormatException e) {
                throw new Refused(400, "Bad Request");
            }
            if (n < 0) {
                throw new Refused(400, "Bad Request");
            }
            if (n > MAX_BODY) {
                throw new Refused(413, "Request Entity Too Large");
            }
            body = in.readNBytes((int) n);
            if (body.length < n) {
                throw new Refused(400, "Bad Request");
            }
        } else {
            body = new byte[0];
        }
        return new Request(parts[0], parts[1], parts[2], headers, body, remote);
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in, MAX_LINE, 400, "Bad Request");
            if (size == null) {
                throw new Refused(400, "Bad Request");
            }
            int semicolon = size.indexOf(';');
            long n;
            try {
                n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new Refused(400, "Bad Request");
            }
            if (n < 0 || body.size() + n > MAX_BODY) {
                throw new Refused(413, "Request Entity Too Large");
            }
            if (n == 0) {
                for (String t = line(in, MAX_LINE, 400, "Bad Request"); t != null && !t.isEmpty();
                        t = line(in, MAX_LINE, 400, "Bad Request")) {
                    // trailers: not passed on
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes((int) n);
            if (chunk.length < n) {
                throw new Refused(400, "Bad Request");
            }
            body.write(chunk);
            line(in, 2, 400, "Bad Request");
        }
    }

    /** A line without its CRLF (or bare LF), in ISO-8859-1 as HTTP's octets are; null at end of stream. */
    private static String line(InputStream in, int max, int tooLong, String reason) throws IOException {
        StringBuilder out = new StringBuilder();
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (out.length() >= max) {
                throw new Refused(tooLong, reason);
            }
            out.append((char) c);
            c = in.read();
        }
        if (c < 0) {
            throw new Refused(400, "Bad Request");
        }
        int end = out.length();
        return end > 0 && out.charAt(end - 1) == '\r' ? out.substring(0, end - 1) : out.toString();
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return String.join(",", e.getValue());
            }
        }
        return null;
    }

    /** A request that cannot be read, answered with its status. */
    static final class Refused extends IOException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
