package com.klinecast.core.ledger;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.util.Optional;

/** The champions the ledger records, and the one change it may make to them: the fallback to naive. */
public interface Champions {

    /** The champion of {@code series}' {@code target}, if it has one. */
    Optional<ServingModel> champion(Series series, Target target);

    /** The newest naive version of the target, if one was published. */
    Optional<Integer> naiveVersion(Series series, Target target);

    /** Makes {@code version} the champion, storing {@code reason} with the change. */
    void promote(Series series, Target target, int version, String reason);
}
