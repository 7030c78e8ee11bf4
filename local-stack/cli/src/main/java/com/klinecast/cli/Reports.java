package com.klinecast.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.SeriesReport;

/** Prints handler reports for people (a line per series) or machines (JSON). */
final class Reports {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {
    }

    static void print(IngestReport report, boolean json) {
        if (json) {
            System.out.println(toJson(report));
            return;
        }
        for (SeriesReport s : report.series()) {
            System.out.println(line(s));
        }
    }

    /** One series' report for people: status, candles written and their range, requests, why it stopped. */
    static String line(SeriesReport s) {
        StringBuilder line = new StringBuilder(s.series()).append(": ").append(s.status())
                .append(", ").append(s.candlesWritten()).append(" candles written");
        if (s.firstOpenTime() != null) {
            line.append(" (").append(s.firstOpenTime()).append(" .. ").append(s.lastOpenTime()).append(')');
        }
        line.append(", ").append(s.requests()).append(s.requests() == 1 ? " request" : " requests");
        if (s.message() != null) {
            line.append("; ").append(s.message());
        }
        return line.toString();
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
