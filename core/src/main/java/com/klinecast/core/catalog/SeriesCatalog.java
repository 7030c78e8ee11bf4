package com.klinecast.core.catalog;

import com.klinecast.core.series.Series;
import java.util.Collection;
import java.util.List;

/**
 * The series the pipeline ingests: what the planner fans out and the scheduled functions run over, edited with
 * {@code klinecast series add|remove}. Removing a series stops its ingest; its stored candles stay.
 */
public interface SeriesCatalog {

    /** A catalog with nothing in it: a run over it ingests only the series its event names. */
    SeriesCatalog EMPTY = List::of;

    /** Every series in the catalog, sorted by id. */
    List<Series> list();

    /**
     * Adds the series; those already in it stay as they are. A read-only catalog (a fixed list, a stub) refuses, as
     * {@link java.util.Iterator#remove} does by default.
     */
    default void add(Collection<Series> series) {
        throw new UnsupportedOperationException("this catalog cannot be changed");
    }

    /** Removes the series; those not in it are ignored. A read-only catalog refuses. */
    default void remove(Collection<Series> series) {
        throw new UnsupportedOperationException("this catalog cannot be changed");
    }
}
