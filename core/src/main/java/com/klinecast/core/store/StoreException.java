package com.klinecast.core.store;

/** The feature table could not complete a write or read, even after retries. */
public final class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
