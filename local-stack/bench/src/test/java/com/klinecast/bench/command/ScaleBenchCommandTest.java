package com.klinecast.bench.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.bench.ScaleProjection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleBenchCommandTest {

    @Test
    void theTableReplacesItsBlockAndKeepsTheRest() {
        String once = ScaleBenchCommand.into("# Benchmarks\n\nintro\n", "table 1\n");
        assertEquals("# Benchmarks\n\nintro\n\n<!-- scale:start -->\ntable 1\n<!-- scale:end -->\n", once);

        String twice = ScaleBenchCommand.into(once + "\nnotes\n", "table 2\n");
        assertEquals("# Benchmarks\n\nintro\n\n<!-- scale:start -->\ntable 2\n<!-- scale:end -->\n\nnotes\n", twice);
    }

    @Test
    void theProjectionCountsPagesPerSeries() {
        List<ScaleProjection.Line> lines = new ScaleProjection(400, 8, Duration.ofMillis(100)).lines();

        // 2,875 days: 3 pages of 1d, 69 of 1h, 4,140 of 1m per pair.
        assertTrue(lines.get(2).value().startsWith("1,684,800 "), lines.get(2).value());
        assertEquals("1,684,750,000", lines.get(1).value());
        // One page per 0.4 s and worker: 8 workers ask 2,400 weight a minute, under the 4,800 budget.
        assertTrue(lines.get(4).value().startsWith("2,400 with 8 workers"), lines.get(4).value());
        assertTrue(lines.get(5).value().startsWith("23.4 with 8 workers; 11.7 at the weight budget"),
                lines.get(5).value());
    }
}
