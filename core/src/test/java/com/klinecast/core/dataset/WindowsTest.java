package com.klinecast.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.forecast.GlobalMinMax;
import com.klinecast.core.forecast.LogReturns;
import com.klinecast.core.forecast.Scaling;
import com.klinecast.core.series.Target;
import com.klinecast.core.testing.CsvCandles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsTest {

    private static final List<Bar> BTC = CsvCandles.read("binance-BTCUSDT-1d.csv", 300).stream().map(Bar::of).toList();

    @Test
    void aSampleReadsOnlyTheBarsBeforeItsTarget() {
        Scaling scaling = GlobalMinMax.fit(List.of(Column.values()), BTC.subList(0, 200), Target.CLOSE);
        Samples samples = Windows.build(BTC, scaling, 30, 0, 200);

        assertEquals(170, samples.size(), "targets 30..199: the first 30 bars only feed windows");
        assertEquals(30, samples.targetIndex()[0]);
        // Changing the target bar and everything after it leaves the sample's inputs as they were.
        List<Bar> changed = new ArrayList<>(BTC);
        for (int i = 100; i < changed.size(); i++) {
            Bar b = changed.get(i);
            changed.set(i, new Bar(b.openTime(), 1, 1, 1, 1, 1));
        }
        Samples again = Windows.build(changed, scaling, 30, 0, 200);
        int k = 100 - 30;
        assertArrayEquals(samples.x()[k], again.x()[k]);
    }

    @Test
    void directSamplesCarryEveryHorizonsTargetAndStopBeforeTheSplitEnd() {
        // Closes 10, 20, .., 100 on a 0..100 scale: bar i's scaled close is (i + 1) / 10.
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double c = 10 * (i + 1);
            bars.add(new Bar(i, c, c, c, c, 1));
        }
        Scaling scaling = new GlobalMinMax(List.of(Column.CLOSE), new double[] {0}, new double[] {100}, Target.CLOSE);

        // Training targets in [0, 6): windows of 2 bars, 3 horizons; a sample at j = 4 would need bar 6.
        Samples train = Windows.build(bars, scaling, 2, 3, 0, 6);
        assertArrayEquals(new int[] {2, 3}, train.targetIndex());
        assertArrayEquals(new double[][] {{0.1}, {0.2}}, train.x()[0]);
        assertArrayEquals(new double[] {0.3, 0.4, 0.5}, train.y()[0], 1e-12);
        assertArrayEquals(new double[] {0.4, 0.5, 0.6}, train.y()[1], 1e-12);

        // Validation targets in [6, 10): inputs may read training bars, targets start at the split.
        Samples validation = Windows.build(bars, scaling, 2, 3, 6, 10);
        assertArrayEquals(new int[] {6, 7}, validation.targetIndex());
        assertArrayEquals(new double[][] {{0.5}, {0.6}}, validation.x()[0]);
        assertArrayEquals(new double[] {0.8, 0.9, 1.0}, validation.y()[1], 1e-12);
    }

    @Test
    void noDirectTargetCrossesItsSplitEnd() {
        Split split = Split.of(BTC.size(), 0.15, 0.15);
        Scaling scaling = LogReturns.fit(List.of(Column.values()), BTC.subList(0, split.trainEnd()), Target.CLOSE);
        Samples train = Windows.build(BTC, scaling, 30, 30, 0, split.trainEnd());
        Samples validation = Windows.build(BTC, scaling, 30, 30, split.trainEnd(), split.validationEnd());

        assertEquals(split.trainEnd() - 31 - 29, train.size(), "the last 29 training windows have no full target set");
        assertEquals(split.trainEnd() - 1, train.targetIndex()[train.size() - 1] + 29, "the last target, 30 ahead");
        assertEquals(split.trainEnd(), validation.targetIndex()[0]);
        assertEquals(split.validationEnd() - 1, validation.targetIndex()[validation.size() - 1] + 29);
        // Rewriting every bar from the split end on leaves every training sample, inputs and targets, as it was.
        List<Bar> changed = new ArrayList<>(BTC);
        for (int i = split.trainEnd(); i < changed.size(); i++) {
            Bar b = changed.get(i);
            changed.set(i, new Bar(b.openTime(), 1, 1, 1, 1, 1));
        }
        Samples again = Windows.build(changed, scaling, 30, 30, 0, split.trainEnd());
        assertArrayEquals(train.x(), again.x());
        assertArrayEquals(train.y(), again.y());
    }

    @Test
    void oneHorizonIsTheRecursiveModelsSamples() {
        Scaling scaling = LogReturns.fit(List.of(Column.values()), BTC.subList(0, 200), Target.CLOSE);

        Samples oneStep = Windows.build(BTC, scaling, 30, 0, 200);
        Samples direct = Windows.build(BTC, scaling, 30, 1, 0, 200);

        assertArrayEquals(oneStep.targetIndex(), direct.targetIndex());
        assertArrayEquals(oneStep.y(), direct.y());
    }

    @Test
    void splitsChronologically() {
        Split split = Split.of(1000, 0.15, 0.15);

        assertEquals(700, split.trainEnd());
        assertEquals(850, split.validationEnd());
        assertEquals(1000, split.size());
    }
}
