package com.klinecast.core.ledger;

import com.klinecast.core.observability.MetricsSink;
import static com.klinecast.core.ledger.LedgerFixtures.BTC;
import static com.klinecast.core.ledger.LedgerFixtures.runAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The automatic fallback on synthetic series whose answer is known: a champion whose drift was right and then
 * goes wrong is replaced by naive once its live record says so; one that keeps capturing the drift is not.
 */
class FallbackTest {

    private static final double DRIFT = 0.004;

    @Test
    void aDecayingChampionFallsBackToNaive() {
        // The series drifts up for 150 days, then down: the champion's drift turns from right to wrong.
        Run run = new Run(closes(400, 150));
        int firedOn = run.until(399);
        assertTrue(firedOn > 150, "not while the champion was right (fired on day " + firedOn + ")");
        assertEquals(1, run.champions.promotions.size());
        assertTrue(run.champions.promotions.get(0).startsWith("2: automatic fallback: over the 90 days to "),
                run.champions.promotions.get(0));
        assertTrue(run.champions.promotions.get(0).contains("naive beats the champion"));
    }

    @Test
    void aHealthyChampionStays() {
        Run run = new Run(closes(300, Integer.MAX_VALUE));
        assertEquals(-1, run.until(299));
        assertTrue(run.champions.promotions.isEmpty());
    }

    /** Random-walk closes with drift +DRIFT per day up to {@code turn}, -DRIFT after, small noise. */
    private static double[] closes(int n, int turn) {
        Random random = new Random(7);
        double[] out = new double[n];
        double log = Math.log(100);
        for (int i = 0; i < n; i++) {
            log += (i < turn ? DRIFT : -DRIFT) + 0.002 * random.nextGaussian();
            out[i] = Math.exp(log);
        }
        return out;
    }

    private static final class Run {
        final LedgerFixtures.StubChampions champions = new LedgerFixtures.StubChampions(
                LedgerFixtures.drift(2, "mlp", DRIFT, 30), LedgerFixtures.drift(1, "naive", 0, 30));
        final DailyLedger daily;

        Run(double[] closes) {
            daily = new DailyLedger(new InMemoryLedger(), champions,
                    new LedgerFixtures.Candles(LedgerFixtures.candles(closes)), MetricsSink.NONE);
        }

        /** Runs days 0..last; returns the day the fallback fired, or -1. */
        int until(int last) {
            for (int d = 0; d <= last; d++) {
                LedgerRun run = daily.run(List.of(BTC), runAfter(d), "r").get(0);
                if (run.fallback() != null) {
                    return d;
                }
            }
            return -1;
        }
    }
}
