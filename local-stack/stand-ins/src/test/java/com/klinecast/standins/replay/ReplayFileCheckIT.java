package com.klinecast.standins.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replay file with a bad line is refused when the replay starts, naming the file, the line and the field. */
class ReplayFileCheckIT {

    private static final Path BUNDLED = Path.of(System.getProperty("klinecast.dataDir", "../../data/binance"));
    private static final ReplayClock CLOCK = ReplayClock.fixedAt(Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    /** The bundled BTCUSDT 1d file with its lines changed by {@code edit}; returns the copy's path. */
    private Path btcDaily(UnaryOperator<List<String>> edit) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(BUNDLED.resolve("binance-BTCUSDT-1d.csv")));
        Path file = dir.resolve("binance-BTCUSDT-1d.csv");
        Files.write(file, edit.apply(lines));
        return file;
    }

    private String refusal(UnaryOperator<List<String>> edit) throws IOException {
        Path file = btcDaily(edit);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BinanceReplayServer.start(dir, CLOCK).close());
        return refused.getMessage().replace(file.toString(), "FILE");
    }

    @Test
    void aLastLineCutInsideItsTakerBuyQuoteVolumeIsRefused() throws IOException {
        String message = refusal(lines -> {
            String last = lines.get(lines.size() - 1);
            int field11 = last.lastIndexOf(',', last.lastIndexOf(',') - 1) + 1;
            lines.set(lines.size() - 1, last.substring(0, field11 + 3));
            return lines;
        });

        assertEquals("FILE:2876: expected 12 fields, found 11: it ends in field 11 (taker_buy_quote_asset_volume), "
                + "cut short?", message);
    }

    @Test
    void aLineCutInsideItsTwelfthFieldIsRefused() throws IOException {
        String message = refusal(lines -> {
            String last = lines.get(lines.size() - 1);
            lines.set(lines.size() - 1, last.substring(0, last.length() - 1));
            return lines;
        });

        assertEquals("FILE:2876: field 12 (ignore) '' is not an integer", message);
    }

    @Test
    void aMalformedFieldIsRefusedByLineAndName() throws IOException {
        String message = refusal(lines -> {
            String[] f = lines.get(9).split(",", -1);
            f[4] = "4285.08x";
            lines.set(9, String.join(",", f));
            return lines;
        });

        assertEquals("FILE:10: field 5 (close) '4285.08x' is not a decimal number", message);
    }

    @Test
    void aDuplicatedLineIsRefused() throws IOException {
        String message = refusal(lines -> {
            lines.add(101, lines.get(100));
            return lines;
        });

        assertEquals("FILE:102: field 1 (open_time) " + Long.parseLong(
                btcDailyLine(100).split(",")[0]) + " duplicates line 101", message);
    }

    @Test
    void aLineCutInTheMiddleIsRefused() throws IOException {
        String message = refusal(lines -> {
            lines.set(500, lines.get(500).substring(0, 40));
            return lines;
        });

        assertTrue(message.startsWith("FILE:501: expected 12 fields, found "), message);
    }

    private static String btcDailyLine(int index) throws IOException {
        return Files.readAllLines(BUNDLED.resolve("binance-BTCUSDT-1d.csv")).get(index);
    }
}
