package com.klinecast.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.forecast.GlobalMinMax;
import com.klinecast.core.forecast.Scaling;
import com.klinecast.core.testing.CsvCandles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsTest {

    private static final List<Bar> BTC = CsvCandles.read("binance-BTCUSDT-1d.csv", 300).stream().map(Bar::of).toList();

    @Test
    void aSampleReadsOnlyTheBarsBeforeItsTarget() {
        Scaling scaling = GlobalMinMax.fit(List.of(Column.values()), BTC.subList(0, 200));
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
    void splitsChronologically() {
        Split split = Split.of(1000, 0.15, 0.15);

        assertEquals(700, split.trainEnd());
        assertEquals(850, split.validationEnd());
        assertEquals(1000, split.size());
    }
}
