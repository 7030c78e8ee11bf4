package com.klinecast.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

class LstmNetworksTest {

    @Test
    void referenceDesign() {
        MultiLayerNetwork net = LstmNetworks.build(LstmSpec.reference(5, 30, 1, 1));

        assertEquals(4, net.getnLayers());
        LSTM first = assertInstanceOf(LSTM.class, layer(net, 0));
        DropoutLayer dropout = assertInstanceOf(DropoutLayer.class, layer(net, 1));
        LastTimeStep last = assertInstanceOf(LastTimeStep.class, layer(net, 2));
        LSTM second = assertInstanceOf(LSTM.class, last.getUnderlying());
        OutputLayer out = assertInstanceOf(OutputLayer.class, layer(net, 3));

        for (LSTM lstm : List.of(first, second)) {
            assertEquals(50, lstm.getNOut());
            assertInstanceOf(ActivationTanH.class, lstm.getActivationFn());
            assertInstanceOf(ActivationSigmoid.class, lstm.getGateActivationFn());
        }
        assertEquals(5, first.getNIn());
        assertEquals(50, second.getNIn());
        // DL4J's dropout takes the probability of keeping an activation: Keras's Dropout(0.2) keeps 0.8.
        assertEquals(0.8, ((Dropout) dropout.getIDropout()).getP(), 1e-12);
        assertEquals(1, out.getNOut());
        assertInstanceOf(ActivationIdentity.class, out.getActivationFn());
        assertInstanceOf(LossMSE.class, out.getLossFn());

        // LSTM: 4·50·(5 + 50 + 1) and 4·50·(50 + 50 + 1); dense 50 + 1.
        assertEquals(11_200 + 20_200 + 51, net.numParams());
        assertArrayEquals(new long[] {7, 1}, net.output(Nd4j.rand(new int[] {7, 5, 30})).shape()); // NCW in
    }

    @Test
    void anyNumberOfLayersAndOutputs() {
        LstmSpec spec = new LstmSpec(5, 12, List.of(8, 6, 4), 0.1, 3, 1e-3, 1);
        MultiLayerNetwork net = LstmNetworks.build(spec);

        // LSTM, dropout, LSTM, dropout, last-step LSTM, output
        assertEquals(6, net.getnLayers());
        assertInstanceOf(DropoutLayer.class, layer(net, 1));
        assertInstanceOf(DropoutLayer.class, layer(net, 3));
        assertEquals(4, ((LSTM) ((LastTimeStep) layer(net, 4)).getUnderlying()).getNOut());
        assertArrayEquals(new long[] {2, 3}, net.output(Nd4j.rand(new int[] {2, 5, 12})).shape());

        MultiLayerNetwork noDropout = LstmNetworks.build(
                new LstmSpec(5, 12, List.of(8, 6, 4), 0.0, 3, 1e-3, 1));
        assertEquals(4, noDropout.getnLayers());
    }

    private static Layer layer(MultiLayerNetwork net, int i) {
        return net.getLayerWiseConfigurations().getConf(i).getLayer();
    }
}
