package com.klinecast.training.model;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The MLP's parity with DL4J ({@link NetworkParity}), and an LSTM refused by its export. */
class MlpParityIT extends NetworkParity {

    MlpParityIT() {
        super(Architecture.MLP, 0.5);
    }

    @Test
    void anLstmIsNotExportedAsAnMlp() {
        LstmSpec spec = LstmSpec.reference(BtcDaily.FEATURES, 4, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> PortableExport.mlp(LstmNetworks.build(spec), spec));
    }
}
