package com.klinecast.training.model;

import com.klinecast.core.forecast.portable.DenseWeights;
import com.klinecast.core.forecast.portable.LstmLayerWeights;
import com.klinecast.core.forecast.portable.PortableLstm;
import com.klinecast.core.forecast.portable.PortableMlp;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network built by {@link LstmNetworks} as a {@link PortableLstm}, or by {@link MlpNetworks} as a
 * {@link PortableMlp}. Weights are copied in DL4J's own layout
 * (see {@link LstmLayerWeights}: rows are inputs, gate blocks in DL4J's order, nothing permuted); anything the portable forward pass would compute differently (another layer type,
 * other activations, a missing last-time-step wrapper) is refused rather than exported wrong.
 */
public final class PortableExport {

    private PortableExport() {
    }

    public static PortableLstm from(MultiLayerNetwork network, LstmSpec spec) {
        List<LstmLayerWeights> lstms = new ArrayList<>();
        DenseWeights output = null;
        int layers = network.getnLayers();
        for (int i = 0; i < layers; i++) {
            Layer conf = network.getLayerWiseConfigurations().getConf(i).getLayer();
            boolean lastStep = conf instanceof LastTimeStep;
            if (lastStep) {
                conf = ((LastTimeStep) conf).getUnderlying();
            }
            if (conf instanceof DropoutLayer) {
                continue; // training only
            }
            if (output != null) {
                throw new IllegalArgumentException("layer " + i + " follows the output layer");
            }
            if (conf instanceof LSTM lstm) {
                requireLstm(i, lstm, lastStep, i == layers - 2);
                lstms.add(new LstmLayerWeights((int) lstm.getNIn(), (int) lstm.getNOut(),
                        matrix(network.getParam(i + "_" + LSTMParamInitializer.INPUT_WEIGHT_KEY)),
                        matrix(network.getParam(i + "_" + LSTMParamInitializer.RECURRENT_WEIGHT_KEY)),
                        vector(network.getParam(i + "_" + LSTMParamInitializer.BIAS_KEY))));
            } else if (conf instanceof OutputLayer dense && !lastStep) {
                if (!(dense.getActivationFn() instanceof ActivationIdentity) || !dense.hasBias()) {
                    throw new IllegalArgumentException("output layer " + i + " must be identity-activated with a bias");
                }
                output = new DenseWeights((int) dense.getNIn(), (int) dense.getNOut(),
                        matrix(network.getParam(i + "_" + DefaultParamInitializer.WEIGHT_KEY)),
                        vector(network.getParam(i + "_" + DefaultParamInitializer.BIAS_KEY)));
            } else {
                throw new IllegalArgumentException("layer " + i + " (" + conf.getClass().getSimpleName()
                        + ") has no portable equivalent");
            }
        }
        if (output == null) {
            throw new IllegalArgumentException("the network has no output layer");
        }
        List<Integer> hidden = lstms.stream().map(LstmLayerWeights::hiddenSize).toList();
        if (!hidden.equals(spec.hiddenUnits()) || output.outputSize() != spec.outputs()
                || lstms.get(0).inputSize() != spec.inputFeatures()) {
            throw new IllegalArgumentException("the network does not match its spec " + spec);
        }
        return new PortableLstm(spec.inputFeatures(), spec.window(), lstms, output);
    }

    /** An MLP: ReLU dense layers with biases, dropout skipped, then the identity output layer. */
    public static PortableMlp mlp(MultiLayerNetwork network, LstmSpec spec) {
        List<DenseWeights> hidden = new ArrayList<>();
        DenseWeights output = null;
        for (int i = 0; i < network.getnLayers(); i++) {
            Layer conf = network.getLayerWiseConfigurations().getConf(i).getLayer();
            if (conf instanceof DropoutLayer) {
                continue; // training only
            }
            if (output != null) {
                throw new IllegalArgumentException("layer " + i + " follows the output layer");
            }
            if (conf instanceof OutputLayer dense) {
                output = dense(network, i, dense, dense.hasBias(), ActivationIdentity.class);
            } else if (conf instanceof DenseLayer dense) {
                hidden.add(dense(network, i, dense, dense.hasBias(), ActivationReLU.class));
            } else {
                throw new IllegalArgumentException("layer " + i + " (" + conf.getClass().getSimpleName()
                        + ") has no portable MLP equivalent");
            }
        }
        if (output == null) {
            throw new IllegalArgumentException("the network has no output layer");
        }
        List<Integer> units = hidden.stream().map(DenseWeights::outputSize).toList();
        if (!units.equals(spec.hiddenUnits()) || output.outputSize() != spec.outputs()) {
            throw new IllegalArgumentException("the network does not match its spec " + spec);
        }
        return new PortableMlp(spec.inputFeatures(), spec.window(), hidden, output);
    }

    private static DenseWeights dense(MultiLayerNetwork network, int i, FeedForwardLayer dense, boolean hasBias,
            Class<?> activation) {
        if (!activation.isInstance(dense.getActivationFn()) || !hasBias) {
            throw new IllegalArgumentException("layer " + i + " must be " + activation.getSimpleName()
                    + "-activated with a bias, has " + dense.getActivationFn());
        }
        return new DenseWeights((int) dense.getNIn(), (int) dense.getNOut(),
                matrix(network.getParam(i + "_" + DefaultParamInitializer.WEIGHT_KEY)),
                vector(network.getParam(i + "_" + DefaultParamInitializer.BIAS_KEY)));
    }

    private static void requireLstm(int index, LSTM lstm, boolean lastStep, boolean isLastLstm) {
        if (!(lstm.getActivationFn() instanceof ActivationTanH)
                || !(lstm.getGateActivationFn() instanceof ActivationSigmoid)) {
            throw new IllegalArgumentException("LSTM layer " + index + " must use tanh and sigmoid gates, has "
                    + lstm.getActivationFn() + " and " + lstm.getGateActivationFn());
        }
        if (lastStep != isLastLstm) {
            throw new IllegalArgumentException("only the last LSTM layer, right before the output, may be (and must be)"
                    + " read at its last time step; layer " + index + " is not laid out so");
        }
    }

    /** A 2-d parameter (a view into the flat parameter vector, either ordering) as rows of plain floats. */
    private static float[][] matrix(INDArray array) {
        return array.toFloatMatrix();
    }

    /** A bias, stored by DL4J as a [1, n] row. */
    private static float[] vector(INDArray array) {
        return array.dup('c').data().asFloat();
    }
}
