/**
 * A trained network (an LSTM, {@link com.klinecast.core.forecast.portable.PortableLstm}, or an MLP,
 * {@link com.klinecast.core.forecast.portable.PortableMlp}) as plain numbers, and its forward pass in plain Java.
 *
 * <p>The training job exports its Deeplearning4j network into {@link com.klinecast.core.forecast.portable.PortableLstm}
 * and writes it as JSON ({@link com.klinecast.core.forecast.portable.PortableJson}); the prediction Lambda reads it
 * back and runs {@link com.klinecast.core.forecast.portable.PortableLstm#forward} without Deeplearning4j or ND4J
 * (hundreds of MB of natives and a slow cold start). The maths is Deeplearning4j's {@code LSTM} layer, checked by a
 * parity test in the training module.
 */
package com.klinecast.core.forecast.portable;
