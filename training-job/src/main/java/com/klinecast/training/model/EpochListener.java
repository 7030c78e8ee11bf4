package com.klinecast.training.model;

/** Told after every epoch; the training job logs it, tests record it. */
@FunctionalInterface
public interface EpochListener {

    EpochListener NONE = (epoch, trainLoss, validationLoss, seconds) -> { };

    /**
     * @param epoch          1-based
     * @param trainLoss      mean of the epoch's mini-batch losses (MSE with dropout active, before each update)
     * @param validationLoss MSE on the validation set after the epoch, dropout off
     * @param seconds        wall time of the epoch, validation included
     */
    void onEpoch(int epoch, double trainLoss, double validationLoss, double seconds);
}
