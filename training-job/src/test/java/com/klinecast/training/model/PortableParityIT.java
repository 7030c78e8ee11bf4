package com.klinecast.training.model;

/** The LSTM's parity with DL4J ({@link NetworkParity}). */
class PortableParityIT extends NetworkParity {

    PortableParityIT() {
        super(Architecture.LSTM, 0.8);
    }
}
