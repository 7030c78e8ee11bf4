package com.klinecast.training.model;

/**
 * How long and in what steps to train.
 *
 * @param epochs    most passes over the training set
 * @param batchSize windows per gradient step (the last batch of an epoch may be smaller)
 * @param patience  stop after this many epochs in a row without a lower validation loss; the weights of the best
 *                  epoch are kept either way
 */
public record TrainingOptions(int epochs, int batchSize, int patience) {

    public TrainingOptions {
        if (epochs < 1 || batchSize < 1 || patience < 1) {
            throw new IllegalArgumentException("epochs, batchSize and patience must be positive: "
                    + epochs + ", " + batchSize + ", " + patience);
        }
    }
}
