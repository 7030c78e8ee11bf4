package com.klinecast.core.ledger;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.util.List;

/** Where recorded forecasts are kept: written once per (series, target, origin), scored once per horizon. */
public interface Ledger {

    /** Writes the entry unless one exists for its origin; returns whether it was written. */
    boolean record(LedgerEntry entry);

    /** Adds a horizon's score unless it is there already; returns whether it was written. */
    boolean score(Series series, Target target, long origin, Score score);

    /** Entries with {@code from <= origin <= to}, oldest first, with their scores. */
    List<LedgerEntry> entries(Series series, Target target, long from, long to);
}
