package com.klinecast.training.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Builds the MLP variant from an {@link LstmSpec} (the same shape and hyper-parameters; {@code hiddenUnits} are
 * dense layers here): {@code Dense(h1, relu) -> Dropout -> ... -> Dense(hn, relu) -> Dropout -> Dense(outputs,
 * identity)}, MSE, Adam, over the window flattened time-major ({@code window × features} inputs, see
 * {@link Nd4jArrays#flat}). Dropout follows every hidden layer: unlike an LSTM's handful of recurrent units, the
 * first dense layer sees every input of the window and overfits readily.
 *
 * <p>As for the LSTM, what the portable forward pass depends on is stated rather than left to defaults: ReLU
 * hidden activations, identity output with a bias, float32 parameters. DL4J's dropout argument is the retain
 * probability, so a rate r becomes {@code 1 - r}.
 */
public final class MlpNetworks {

    private MlpNetworks() {
    }

    public static MultiLayerNetwork build(LstmSpec spec) {
        NeuralNetConfiguration.ListBuilder layers = NetworkDefaults.layers(spec);
        for (int units : spec.hiddenUnits()) {
            layers.layer(new DenseLayer.Builder().nOut(units).activation(Activation.RELU).hasBias(true).build());
            if (spec.dropout() > 0) {
                layers.layer(new DropoutLayer.Builder(1.0 - spec.dropout()).build());
            }
        }
        layers.layer(new OutputLayer.Builder(LossFunction.MSE)
                .activation(Activation.IDENTITY)
                .nOut(spec.outputs())
                .build());
        layers.setInputType(InputType.feedForward((long) spec.window() * spec.inputFeatures()));

        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }
}
