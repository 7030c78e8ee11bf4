package com.klinecast.core.ingest;

import com.klinecast.core.series.Series;
import java.util.Optional;

/** The per-series ingest state (watermark). */
public interface WatermarkStore {

    Optional<IngestState> load(Series series);

    /** Saves the state; a watermark never moves backwards, even if two runs race. */
    void save(IngestState state);
}
