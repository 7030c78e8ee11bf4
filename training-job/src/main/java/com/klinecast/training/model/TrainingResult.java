package com.klinecast.training.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The trained network, holding the weights of its best epoch (lowest validation loss), and how training went.
 *
 * @param epochsRun    epochs actually run, fewer than asked when early stopping fired
 * @param stoppedEarly whether the patience ran out before the last epoch
 */
public record TrainingResult(MultiLayerNetwork network, int bestEpoch, double bestValidationLoss, int epochsRun,
                             boolean stoppedEarly) {
}
