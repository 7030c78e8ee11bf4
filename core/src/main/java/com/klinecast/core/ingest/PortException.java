package com.klinecast.core.ingest;

/**
 * What an adapter of this package's ports (the exchange behind {@link KlineSource}, the table behind
 * {@link CandleSink} and {@link WatermarkStore}) throws once it gives up: the series' run ends, reported with
 * the message, and the other series go on. The ingest knows the ports only, never the adapters' packages.
 */
public abstract class PortException extends RuntimeException {

    protected PortException(String message) {
        super(message);
    }

    protected PortException(String message, Throwable cause) {
        super(message, cause);
    }
}
