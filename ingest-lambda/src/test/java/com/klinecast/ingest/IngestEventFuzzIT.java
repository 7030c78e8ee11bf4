package com.klinecast.ingest;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.config.ConfigException;
import com.klinecast.core.ingest.IngestFailedException;
import com.klinecast.core.testing.IngestFixture;
import com.klinecast.standins.lambda.LocalContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.joda.time.DateTime;

/**
 * Malformed EventBridge events to the ingest handler (the daily handler parses them with the same
 * {@code ScheduledIngest}): each is refused with a clear error naming the field, or fails the series it names
 * (a well-formed symbol the exchange does not list); nothing is ever written.
 */
class IngestEventFuzzIT {

    private static IngestFixture fixture;
    private static String table;
    private static IngestHandler handler;

    @BeforeContainer
    static void start() {
        fixture = new IngestFixture(Instant.parse("2025-07-01T00:05:00Z"));
        table = fixture.newTable();
        handler = new IngestHandler(fixture.scheduled(fixture.config(table, Map.of())));
    }

    @AfterContainer
    static void stop() {
        fixture.close();
    }

    @Property(tries = 1_000, seed = "20261122")
    void aMalformedEventIsRefusedClearlyAndWritesNothing(@ForAll("malformed") Map<String, Object> detail) {
        ScheduledEvent event = new ScheduledEvent();
        event.setTime(new DateTime(Instant.parse("2025-07-01T00:05:00Z").toEpochMilli()));
        event.setDetail(detail);
        try {
            handler.handleRequest(event, LocalContext.withTimeout("IngestFunction", Duration.ofMinutes(15),
                    LocalContext.quietLogger()));
            throw new AssertionError("accepted " + detail);
        } catch (ConfigException e) {
            if (!e.getMessage().contains("detail.") && !e.getMessage().contains("interval")
                    && !e.getMessage().contains("symbol")) {
                throw new AssertionError("unclear refusal of " + detail + ": " + e.getMessage());
            }
        } catch (IngestFailedException e) {
            if (!e.getMessage().contains("nothing was written")) {
                throw new AssertionError("failed without saying what was kept: " + e.getMessage());
            }
        }
        int items = fixture.itemsWritten(table);
        if (items != 0) {
            throw new AssertionError(items + " items written for " + detail);
        }
    }

    /** A detail with at least one bad field: symbols, intervals or from. */
    @Provide
    Arbitrary<Map<String, Object>> malformed() {
        Arbitrary<Object> badSymbols = Arbitraries.oneOf(
                Arbitraries.of("btc usdt", "BTC/USDT", "../x", "", " ", "A", "X".repeat(21), "BTCUSDT;DROP",
                        "BTCUSDT#1h", "NOSUCHCOIN", "日本").map(s -> (Object) List.of(s)),
                Arbitraries.of(42, 3.5, true, Map.of("a", 1), List.of(1, 2)).map(o -> (Object) o),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(30).filter(s -> !s.matches("[A-Z0-9, ]*"))
                        .map(s -> (Object) s));
        Arbitrary<Object> badIntervals = Arbitraries.oneOf(
                Arbitraries.of("2x", "1D", "60m", "", "1d;", "-1d", "1 d", "1dd").map(s -> (Object) List.of(s)),
                Arbitraries.of(1, Map.of(), List.of(List.of("1d"))).map(o -> (Object) o));
        Arbitrary<Object> badFrom = Arbitraries.oneOf(
                Arbitraries.of("yesterday", "2017-13-01", "2017-02-30", "17-08-17", "", "2017-08-17T25:00:00Z",
                        "9999999999-01-01").map(s -> (Object) s),
                Arbitraries.of(20170817, List.of("2017-08-17")).map(o -> (Object) o));
        Arbitrary<Object> goodSymbols = Arbitraries.of(List.of("BTCUSDT"), "BTCUSDT");
        Arbitrary<Object> goodIntervals = Arbitraries.of(List.of("1d"), "1d");
        return Arbitraries.frequencyOf(
                Tuple.of(2, Combinators.combine(badSymbols, goodIntervals).as((s, i) -> detail(s, i, null))),
                Tuple.of(2, Combinators.combine(goodSymbols, badIntervals).as((s, i) -> detail(s, i, null))),
                Tuple.of(1, Combinators.combine(goodSymbols, goodIntervals, badFrom).as(IngestEventFuzzIT::detail)),
                Tuple.of(1, Combinators.combine(badSymbols, badIntervals, badFrom).as(IngestEventFuzzIT::detail)));
    }

    private static Map<String, Object> detail(Object symbols, Object intervals, Object from) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("symbols", symbols);
        detail.put("intervals", intervals);
        if (from != null) {
            detail.put("from", from);
        }
        return detail;
    }
}
