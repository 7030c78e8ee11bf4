package com.klinecast.training.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Builds the forecasting network from an {@link LstmSpec}: the reference design
 * {@code LSTM(50, sequences) -> Dropout(0.2) -> LSTM(50, last step) -> Dense(outputs, identity)}, MSE, Adam,
 * generalised to any number of LSTM layers (dropout between consecutive LSTM layers).
 *
 * <p>Input layout is NCW, {@code [batch, features, time]}: DL4J's native recurrent layout, so its LSTM runs without
 * permuting its input and output at every layer ({@link Nd4jArrays} converts the trainer's time-major Java arrays).
 *
 * <p>Choices that the portable forward pass depends on, made explicit rather than left to defaults:
 * <ul>
 *   <li>plain {@link LSTM} (no peepholes), not {@code GravesLSTM};</li>
 *   <li>cell activation tanh: DL4J's global default activation is sigmoid, which LSTM would otherwise inherit;</li>
 *   <li>gate activation sigmoid (DL4J's LSTM default, stated anyway);</li>
 *   <li>the last LSTM wrapped in {@link LastTimeStep}, so the dense layer sees only the final step;</li>
 *   <li>float32 parameters.</li>
 * </ul>
 * DL4J's dropout argument is the probability of <em>keeping</em> an activation, so a Keras-style rate r becomes
 * {@code 1 - r}. The forget-gate bias starts at DL4J's default of 1.0; it is an initial value only, exported with
 * the other trained biases.
 */
public final class LstmNetworks {

    private LstmNetworks() {
    }

    public static MultiLayerNetwork build(LstmSpec spec) {
        NeuralNetConfiguration.ListBuilder layers = NetworkDefaults.layers(spec);

        int last = spec.hiddenUnits().size() - 1;
        for (int i = 0; i <= last; i++) {
            LSTM lstm = new LSTM.Builder()
                    .nOut(spec.hiddenUnits().get(i))
                    .activation(Activation.TANH)
                    .gateActivationFunction(Activation.SIGMOID)
                    .dataFormat(RNNFormat.NCW)
                    .build();
            if (i < last) {
                layers.layer(lstm);
                if (spec.dropout() > 0) {
                    layers.layer(new DropoutLayer.Builder(1.0 - spec.dropout()).build());
                }
            } else {
                layers.layer(new LastTimeStep(lstm));
            }
        }
        layers.layer(new OutputLayer.Builder(LossFunction.MSE)
                .activation(Activation.IDENTITY)
                .nOut(spec.outputs())
                .build());
        layers.setInputType(InputType.recurrent(spec.inputFeatures(), spec.window(), RNNFormat.NCW));

        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }
}
