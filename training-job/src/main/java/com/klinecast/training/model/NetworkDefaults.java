package com.klinecast.training.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * What every network kind shares before its layers: the spec's seed (same seed, same weights), float32 parameters
 * (what the portable forward passes compute in), Xavier initialisation and Adam at the spec's learning rate.
 */
final class NetworkDefaults {

    private NetworkDefaults() {
    }

    static NeuralNetConfiguration.ListBuilder layers(LstmSpec spec) {
        return new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(spec.learningRate()))
                .list();
    }
}
