package com.klinecast.core.champion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.bands.SyntheticPrices;
import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Baselines;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.LogReturns;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule on synthetic series whose answer is known. The challengers are stand-ins with a known structure (what
 * is tested is the rule, not training): a one-step model reading the last log return, extended to h steps by
 * the direct scaling.
 */
class PromotionRuleTest {

    private static final int TEST_FROM = 2000;

    /** Predicts close × exp(k × last log return) at every horizon. */
    private static Forecaster lastReturnTimes(double k) {
        return new Forecaster(Forecaster.Mode.DIRECT, window -> new double[] {window[0][0], window[0][0],
                window[0][0], window[0][0], window[0][0], window[0][0], window[0][0]},
                new LogReturns(List.of(Bar.Column.CLOSE), new double[] {0, 0}, new double[] {1, k}, Target.CLOSE), 1,
                        Interval.D1);
    }

    private static Forecasts naive(List<Bar> bars) {
        return from(bars, Baselines.forecaster(Baselines.scaling(ModelFamily.NAIVE, bars.subList(0, TEST_FROM),
                Target.CLOSE), 7,
                Interval.D1));
    }

    private static Forecasts from(List<Bar> bars, Forecaster forecaster) {
        return Backtest.forecast(bars, forecaster, TEST_FROM, bars.size() - 1, 7);
    }

    private static final PromotionRule RULE = new PromotionRule(new int[] {1, 7}, 0.05);

    @Test
    void onARandomWalkAModelOfNoiseIsNotPromotedOverNaive() {
        List<Bar> bars = SyntheticPrices.randomWalk(2600, 0.03, 21);

        Verdict verdict = RULE.judge(bars, from(bars, lastReturnTimes(0.3)), naive(bars));

        assertFalse(verdict.promote(), verdict.summary());
    }

    @Test
    void onAnAr1InReturnsAModelThatCapturesItIsPromoted() {
        List<Bar> bars = SyntheticPrices.ar1(2600, 0.3, 0.03, 22);

        Verdict verdict = RULE.judge(bars, from(bars, lastReturnTimes(0.3)), naive(bars));

        assertTrue(verdict.promote(), verdict.summary());
        assertTrue(verdict.horizons().get(0).pBetter() < 0.05, verdict.summary());
        assertTrue(verdict.horizons().get(0).high() < 1, "the interval excludes a tie: " + verdict.summary());
    }

    @Test
    void aWorseModelIsNeverPromoted() {
        for (long seed = 30; seed < 35; seed++) {
            List<Bar> ar = SyntheticPrices.ar1(2600, 0.3, 0.03, seed);
            // Momentum the wrong way round: worse than naive where returns persist.
            Verdict verdict = RULE.judge(ar, from(ar, lastReturnTimes(-0.3)), naive(ar));

            assertFalse(verdict.promote(), verdict.summary());
            assertTrue(verdict.horizons().get(0).pWorse() < 0.05, verdict.summary());
        }
    }

    @Test
    void significantlyWorseAtOneHorizonBlocksAWinAtAnother() {
        List<Bar> bars = SyntheticPrices.ar1(2600, 0.3, 0.03, 23);
        // Right at one step, but its direct output for 7 steps compounds the momentum far too much.
        Forecaster skewed = new Forecaster(Forecaster.Mode.DIRECT, window -> new double[] {window[0][0], 0, 0, 0, 0,
                0, 25 * window[0][0] / Math.sqrt(7)},
                new LogReturns(List.of(Bar.Column.CLOSE), new double[] {0, 0}, new double[] {1, 0.3}, Target.CLOSE),
                        1, Interval.D1);

        Verdict verdict = RULE.judge(bars, from(bars, skewed), naive(bars));

        assertTrue(verdict.horizons().get(0).pBetter() < 0.05, verdict.summary());
        assertTrue(verdict.horizons().get(1).pWorse() < 0.05, verdict.summary());
        assertFalse(verdict.promote(), verdict.summary());
    }
}
