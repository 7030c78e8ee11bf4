package com.klinecast.training.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grid expansion and seeded sampling: pure functions of the grid file, no training. */
class GridTest {

    private static final Grid GRID = Grid.parse("""
            {"hiddenUnits": [[32], [50, 50]], "dropout": [0.0, 0.1, 0.2], "window": [14, 30], "epochs": [10]}
            """, "test");

    @Test
    void expandsTheCartesianProductWithTheLastKeyChangingFastest() {
        List<Trial> all = GRID.all();

        assertEquals(12, GRID.size());
        assertEquals(12, all.size());
        assertEquals("hiddenUnits=[32] dropout=0.0 window=14", all.get(0).describe(GRID.varying()));
        assertEquals("hiddenUnits=[32] dropout=0.0 window=30", all.get(1).describe(GRID.varying()));
        assertEquals("hiddenUnits=[32] dropout=0.1 window=14", all.get(2).describe(GRID.varying()));
        assertEquals("hiddenUnits=[50,50] dropout=0.2 window=30", all.get(11).describe(GRID.varying()));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), all.stream().map(Trial::number).toList());
        assertEquals(12, new HashSet<>(all.stream().map(Trial::params).toList()).size(), "every point once");
        assertEquals(List.of("hiddenUnits", "dropout", "window"), GRID.varying(), "epochs is fixed, not varying");
    }

    @Test
    void samplesDistinctPointsInGridOrderAndTheSameOnesForTheSameSeed() {
        List<Trial> sample = GRID.sample(5, 7);

        assertEquals(sample, GRID.sample(5, 7));
        assertEquals(5, sample.size());
        assertEquals(5, new HashSet<>(sample).size());
        List<Integer> numbers = sample.stream().map(Trial::number).toList();
        assertEquals(numbers.stream().sorted().toList(), numbers);
        for (Trial t : sample) {
            assertEquals(GRID.all().get(t.number() - 1), t, "a sampled point keeps its grid number");
        }
        assertNotEquals(numbers, GRID.sample(5, 8).stream().map(Trial::number).toList(), "another seed, other points");
        assertEquals(GRID.all(), GRID.sample(12, 1), "asking for the whole grid or more is the grid search");
        assertEquals(GRID.all(), GRID.sample(100, 1));
    }

    @Test
    void aTrialsValuesGoOverTheBaseConfig() {
        TrainingConfig base = TrainingConfigs.load(null, java.util.Map.of("seed", 5L, "scaling", "window_minmax"));
        TrainingConfig config = GRID.all().get(11).apply(base);

        assertEquals(List.of(50, 50), config.hiddenUnits());
        assertEquals(0.2, config.dropout());
        assertEquals(30, config.window());
        assertEquals(10, config.epochs());
        assertEquals(5L, config.seed(), "the base config's fields the grid leaves alone are kept");
        assertEquals("window_minmax", config.scaling());
    }

    @Test
    void refusesFieldsThatWouldMakeScoresIncomparableAndNamesBadValues() {
        assertThrows(IllegalArgumentException.class, () -> Grid.parse("{\"testFraction\": [0.1, 0.2]}", "g"));
        assertThrows(IllegalArgumentException.class, () -> Grid.parse("{\"horizons\": [[1], [1, 3]]}", "g"));
        assertThrows(IllegalArgumentException.class, () -> Grid.parse("{\"dropout\": 0.2}", "g"),
                "a value must be an array of values to try");
        assertThrows(IllegalArgumentException.class, () -> Grid.parse("{\"dropout\": []}", "g"));
        Grid huge = Grid.parse("{\"window\": [" + "10,".repeat(99) + "10], \"batchSize\": [" + "8,".repeat(99)
                + "8], \"seed\": [" + "1,".repeat(99) + "1]}", "g");
        assertThrows(IllegalArgumentException.class, huge::all, "a million points: sample them instead");
        assertEquals(3, huge.sample(3, 1).size());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Grid.parse("{\"dropout\": [0.1, 1.5]}", "g").all().get(1).apply(TrainingConfigs.defaults()));
        assertTrue(bad.getMessage().contains("trial 2") && bad.getMessage().contains("dropout"), bad.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Grid.parse("{\"layers\": [1]}", "g").all().get(0).apply(TrainingConfigs.defaults()),
                "an unknown field is an error, as in a config file");
    }

    @Test
    void theBundledGridMakesOnlyValidConfigs() {
        Grid grid = Grid.defaults();

        assertTrue(grid.size() > 1);
        grid.all().forEach(t -> t.apply(TrainingConfigs.defaults()));
    }
}
