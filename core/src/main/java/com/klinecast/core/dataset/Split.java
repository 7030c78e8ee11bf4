package com.klinecast.core.dataset;

/**
 * A chronological split of a series' bars by target index: train [0, trainEnd), validation [trainEnd, validationEnd),
 * test [validationEnd, size). Nothing is shuffled across the boundaries, and scalers fit on bars before trainEnd.
 */
public record Split(int trainEnd, int validationEnd, int size) {

    public Split {
        if (!(0 < trainEnd && trainEnd <= validationEnd && validationEnd <= size)) {
            throw new IllegalArgumentException("split boundaries out of order: " + trainEnd + ", " + validationEnd
                    + ", " + size);
        }
    }

    /** Fractions of the series for validation and test, the rest (oldest) for training. */
    public static Split of(int size, double validationFraction, double testFraction) {
        int test = (int) Math.round(size * testFraction);
        int validation = (int) Math.round(size * validationFraction);
        return new Split(size - test - validation, size - test, size);
    }

    /** A split whose training part ends at {@code trainEnd}, the rest divided between validation and test. */
    public static Split trainUntil(int trainEnd, int size, double validationShareOfRest) {
        int validation = (int) Math.round((size - trainEnd) * validationShareOfRest);
        return new Split(trainEnd, trainEnd + validation, size);
    }
}
