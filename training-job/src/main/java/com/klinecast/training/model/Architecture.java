package com.klinecast.training.model;

import com.klinecast.core.forecast.portable.NetworkKind;
import com.klinecast.core.forecast.portable.PortableNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the trainer needs to know of a network kind: how to build it from a spec, how windows are laid out for it,
 * and how it is exported for the predictor. Everything else (batches, early stopping, seeding) is shared.
 */
public enum Architecture {
    LSTM {
        @Override
        public MultiLayerNetwork build(LstmSpec spec) {
            return LstmNetworks.build(spec);
        }

        @Override
        INDArray windows(float[][][] x, int[] order, int from, int to) {
            return Nd4jArrays.windows(x, order, from, to);
        }

        @Override
        public PortableNetwork export(MultiLayerNetwork network, LstmSpec spec) {
            return PortableExport.from(network, spec);
        }
    },
    MLP {
        @Override
        public MultiLayerNetwork build(LstmSpec spec) {
            return MlpNetworks.build(spec);
        }

        @Override
        INDArray windows(float[][][] x, int[] order, int from, int to) {
            return Nd4jArrays.flat(x, order, from, to);
        }

        @Override
        public PortableNetwork export(MultiLayerNetwork network, LstmSpec spec) {
            return PortableExport.mlp(network, spec);
        }
    };

    public static Architecture of(NetworkKind kind) {
        return kind == NetworkKind.MLP ? MLP : LSTM;
    }

    public abstract MultiLayerNetwork build(LstmSpec spec);

    /** Windows {@code x[order[from]] .. x[order[to - 1]]} in the layout the network reads. */
    abstract INDArray windows(float[][][] x, int[] order, int from, int to);

    /** The trained network as the plain-Java network the predictor runs; refuses what it cannot export exactly. */
    public abstract PortableNetwork export(MultiLayerNetwork network, LstmSpec spec);
}
