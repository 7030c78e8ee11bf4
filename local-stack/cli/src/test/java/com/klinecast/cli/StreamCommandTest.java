package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.testing.BundledData;
import com.klinecast.core.testing.CsvCandles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** klinecast stream over the bundled day of trades, then klinecast minutes: the "done when". */
class StreamCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void aReplayedDayOfTradesIsListedAsMinutesThatSumToTheDailyCandle() throws Exception {
        Path trades = BundledData.dir().resolve("../trades/BTCUSDT-trades-2017-08-17.csv").normalize();

        assertEquals(0, klinecast(new ByteArrayOutputStream(), "stream", "--symbol", "BTCUSDT", "--replay-trades",
                trades.toString(), "--speed", "0"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, klinecast(out, "minutes", "--symbol", "BTCUSDT", "--date", "2017-08-17", "--json"));

        List<JsonNode> minutes = new ArrayList<>();
        Reports.JSON.readTree(out.toString(StandardCharsets.UTF_8)).forEach(minutes::add);
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

    private int klinecast(ByteArrayOutputStream captured, String... args) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 4];
            all[0] = "--data-dir";
            all[1] = dataDir.toString();
            all[2] = "--replay-dir";
            all[3] = BundledData.dir().toString();
            System.arraycopy(args, 0, all, 4, args.length);
            return Klinecast.run(all);
        } finally {
            System.setOut(original);
        }
    }

    private static BigDecimal sum(List<JsonNode> minutes, String field) {
        return minutes.stream().map(m -> new BigDecimal(m.get(field).asText())).reduce(BigDecimal.ZERO,
                BigDecimal::add).stripTrailingZeros();
    }
}
