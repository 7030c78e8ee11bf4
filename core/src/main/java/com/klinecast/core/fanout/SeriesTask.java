package com.klinecast.core.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klinecast.core.series.Series;
import com.klinecast.core.text.Echo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One queue message: bring this series up to date. The watermark, not the message, holds the progress, so a
 * message delivered twice or a continuation racing its predecessor writes nothing twice.
 *
 * @param from where the series starts if it has no watermark yet
 * @param continuation 0 for a planned task, n for the n-th follow-up of a series a worker could not finish in time
 */
public record SeriesTask(Series series, Instant from, int continuation) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SeriesTask {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(from, "from");
        if (continuation < 0) {
            throw new IllegalArgumentException("continuation must be >= 0, got " + continuation);
        }
    }

    /** The task that picks up where a worker stopped. */
    public SeriesTask next() {
        return new SeriesTask(series, from, continuation + 1);
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("series", series.id());
        node.put("from", from.toString());
        node.put("continuation", continuation);
        return node.toString();
    }

    /** @throws IllegalArgumentException naming what is wrong with the body */
    public static SeriesTask fromJson(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the message body is not JSON: '" + Echo.shorten(body) + "'");
        }
        if (node == null || !node.isObject() || !node.path("series").isTextual() || !node.path("from").isTextual()) {
            throw new IllegalArgumentException("the message body needs \"series\" (BTCUSDT#1d) and \"from\" "
                    + "(an ISO-8601 instant): '" + Echo.shorten(body) + "'");
        }
        Instant from;
        try {
            from = Instant.parse(node.get("from").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the message's from '" + Echo.shorten(node.get("from").asText())
                    + "' is not an ISO-8601 instant");
        }
        return new SeriesTask(Series.parseId(node.get("series").asText()), from, node.path("continuation").asInt(0));
    }
}
