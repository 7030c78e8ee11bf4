package com.klinecast.core.bands;

import java.util.ArrayList;
import java.util.List;

/**
 * The rolling-origin folds a band is chosen over: consecutive runs of forecast origins as long as half the validation
 * split, laid back from its end, so that the last two are the validation split's halves and the earlier ones reach
 * back as far as the forecasts do. A run too short to be a whole fold at the start is left out.
 */
record SelectionFolds(List<int[]> folds) {

    /**
     * @param origins how many forecast origins there are, the last ones those of the validation split
     * @param validationOrigins how many of them are the validation split's
     * @return index ranges {from, to} into the origins, oldest first
     */
    static SelectionFolds of(int origins, int validationOrigins) {
        int half = validationOrigins / 2;
        List<int[]> folds = new ArrayList<>();
        int to = origins;
        int from = origins - (validationOrigins - half);
        if (from < 0 || half == 0) {
            return new SelectionFolds(List.of(new int[] {0, origins}));
        }
        folds.add(0, new int[] {from, to});
        while (from - half >= 0) {
            to = from;
            from -= half;
            folds.add(0, new int[] {from, to});
        }
        return new SelectionFolds(List.copyOf(folds));
    }
}
