package com.klinecast.core.quality;

/** A candle the exchange sent that cannot be real; nothing of its page is written. */
public final class InvalidCandleException extends RuntimeException {

    public InvalidCandleException(String message) {
        super(message);
    }
}
