package com.klinecast.training.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A search space read from JSON: each key a training config field, each value the array of values to try, e.g.
 * {@code {"hiddenUnits": [[32], [50, 50]], "dropout": [0.0, 0.2]}}. A one-element array fixes a field for every
 * trial (e.g. a lower epoch cap). Any config field may vary (a later {@code model} field too) except those that
 * define what is scored, which must be equal across trials for their scores to be compared.
 */
public record Grid(Map<String, List<JsonNode>> values) {

    /** Fields a grid may not set: the splits, the horizons scored and the forecast target. */
    static final Set<String> FIXED = Set.of("validationFraction", "testFraction", "horizons", "target");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** More points than a full search could ever train (each trial takes seconds at least). */
    private static final long MAX_SEARCH = 100_000;

    public Grid {
        Map<String, List<JsonNode>> copy = new LinkedHashMap<>();
        values.forEach((key, list) -> {
            if (FIXED.contains(key)) {
                throw new IllegalArgumentException("grid: '" + key + "' cannot vary: every trial is scored on the "
                        + "same validation split, horizons and target");
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException("grid: '" + key + "' lists no values");
            }
            copy.put(key, List.copyOf(list));
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("grid: no keys");
        }
        values = java.util.Collections.unmodifiableMap(copy);
    }

    public static Grid read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read grid " + file + ": " + e.getMessage());
        }
    }

    /** The bundled default grid, sized for BTCUSDT 1d on 2 cores (see the README's Tuning section). */
    public static Grid defaults() {
        try (InputStream in = Grid.class.getResourceAsStream("/tune-default.json")) {
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "tune-default.json");
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled tune-default.json is unreadable", e);
        }
    }

    static Grid parse(String json, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("grid " + name + " is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof ObjectNode object)) {
            throw new IllegalArgumentException("grid " + name + " must be a JSON object of field -> [values]");
        }
        Map<String, List<JsonNode>> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            if (!(field.getValue() instanceof ArrayNode array)) {
                throw new IllegalArgumentException("grid " + name + ": '" + field.getKey() + "' must be an array of "
                        + "values to try, e.g. [0.0, 0.2] (hiddenUnits: [[32], [50, 50]])");
            }
            List<JsonNode> list = new ArrayList<>();
            array.forEach(list::add);
            values.put(field.getKey(), list);
        });
        return new Grid(values);
    }

    /** Points in the full cartesian product. */
    public long size() {
        long size = 1;
        for (List<JsonNode> list : values.values()) {
            size = Math.multiplyExact(size, list.size());
        }
        return size;
    }

    /** Keys with more than one value: the ones that tell trials apart. */
    public List<String> varying() {
        return values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }

    /** Every point, in odometer order: the grid file's last key changes fastest. */
    public List<Trial> all() {
        if (size() > MAX_SEARCH) {
            throw new IllegalArgumentException("the grid has " + size() + " points, too many to try them all: "
                    + "sample some with --trials N");
        }
        int size = (int) size();
        List<Trial> trials = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            trials.add(trial(i));
        }
        return trials;
    }

    /**
     * {@code count} distinct points drawn uniformly with the seed, listed in grid order; the whole grid when it has
     * no more points than that. The same grid, count and seed always draw the same points.
     */
    public List<Trial> sample(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("the number of trials must be at least 1, got " + count);
        }
        long size = size();
        if (count >= size) {
            return all();
        }
        Random random = new Random(seed);
        TreeSet<Long> drawn = new TreeSet<>();
        while (drawn.size() < count) {
            drawn.add(random.nextLong(size));
        }
        return drawn.stream().map(this::trial).toList();
    }

    /** The point at {@code index} of the odometer order. */
    Trial trial(long index) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(values.keySet());
        long rest = index;
        // Mixed-radix digits from the last key (fastest) to the first.
        JsonNode[] chosen = new JsonNode[keys.size()];
        for (int k = keys.size() - 1; k >= 0; k--) {
            List<JsonNode> list = values.get(keys.get(k));
            chosen[k] = list.get((int) (rest % list.size()));
            rest /= list.size();
        }
        for (int k = 0; k < keys.size(); k++) {
            params.put(keys.get(k), chosen[k]);
        }
        return new Trial(Math.toIntExact(index + 1), params);
    }
}
