package com.klinecast.core.ledger;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.volatility.PublishedVolatility;
import java.util.Optional;

/** The champions the ledger records, and the one change it may make to them: the fallback to naive. */
public interface Champions {

    /** The champion of {@code series}' {@code target}, if it has one. */
    Optional<ServingModel> champion(Series series, Target target);

    /** The series' volatility champion (a manifest alone: its model and measure of a day), if it has one. */
    Optional<PublishedVolatility> volatility(Series series);

    /** The newest naive version of the target, if one was published. */
    Optional<Integer> naiveVersion(Series series, Target target);

    /**
     * Makes {@code naive} the champion in place of {@code judged}, storing {@code reason} with the change; nothing
     * changes (false) when the champion is no longer {@code judged}, as after a concurrent training run.
     */
    boolean fallBack(Series series, Target target, int naive, int judged, String reason);
}
