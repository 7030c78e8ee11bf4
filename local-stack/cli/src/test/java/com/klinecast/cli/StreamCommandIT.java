package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.testing.BundledData;
import com.klinecast.core.testing.CsvCandles;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** klinecast stream over the bundled day of trades, then klinecast minutes: the "done when". */
class StreamCommandIT {

    @TempDir
    Path dataDir;

    @Test
    void aReplayedDayOfTradesIsListedAsMinutesThatSumToTheDailyCandle() throws Exception {
        Path trades = BundledData.dir().resolve("../trades/BTCUSDT-trades-2017-08-17.csv").normalize();

        assertEquals(0, CliRun.in(dataDir.toString(), "stream", "--symbol", "BTCUSDT", "--replay-trades",
                trades.toString(), "--speed", "0").exitCode());
        CliRun listed = CliRun.in(dataDir.toString(), "minutes", "--symbol", "BTCUSDT", "--date", "2017-08-17", "--json");
        assertEquals(0, listed.exitCode());

        List<JsonNode> minutes = new ArrayList<>();
        Reports.JSON.readTree(listed.out()).forEach(minutes::add);
        assertEquals(831, minutes.size());
        Candle day = CsvCandles.read("binance-BTCUSDT-1d.csv", 1).get(0);
        assertEquals(day.open(), new BigDecimal(minutes.get(0).get("open").asText()));
        assertEquals(day.close(), new BigDecimal(minutes.get(830).get("close").asText()));
        assertEquals(day.volume(), sum(minutes, "volume"));
        assertEquals(day.quoteVolume(), sum(minutes, "quoteVolume"));
        assertEquals(day.takerBuyBaseVolume(), sum(minutes, "takerBuyVolume"));
        assertEquals(day.trades(), minutes.stream().mapToLong(m -> m.get("trades").asLong()).sum());
        assertFalse(minutes.stream().anyMatch(m -> m.get("incomplete").asBoolean()));
        assertEquals(1502942400000L, minutes.get(0).get("openTime").asLong());
    }

    private static BigDecimal sum(List<JsonNode> minutes, String field) {
        return minutes.stream().map(m -> new BigDecimal(m.get(field).asText())).reduce(BigDecimal.ZERO,
                BigDecimal::add).stripTrailingZeros();
    }
}
