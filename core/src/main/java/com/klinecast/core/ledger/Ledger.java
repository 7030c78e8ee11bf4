package com.klinecast.core.ledger;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.util.List;

/** Where recorded forecasts are kept: written once per (series, target, origin), scored once per horizon. */
public interface Ledger {

    /** A ledger that holds nothing and keeps nothing (a deployment without one). */
    Ledger EMPTY = new Ledger() {
        @Override
        public boolean record(LedgerEntry entry) {
            return false;
        }

        @Override
        public boolean score(Series series, Target target, long origin, Score score) {
            return false;
        }

        @Override
        public List<LedgerEntry> entries(Series series, Target target, long from, long to) {
            return List.of();
        }
    };

    /** Writes the entry unless one exists for its origin; returns whether it was written. */
    boolean record(LedgerEntry entry);

    /** Adds a horizon's score unless it is there already; returns whether it was written. */
    boolean score(Series series, Target target, long origin, Score score);

    /** Entries with {@code from <= origin <= to}, oldest first, with their scores. */
    List<LedgerEntry> entries(Series series, Target target, long from, long to);
}
