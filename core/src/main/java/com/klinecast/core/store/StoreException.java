package com.klinecast.core.store;

import com.klinecast.core.ingest.PortException;

/** The feature table could not complete a write or read, even after retries. */
public final class StoreException extends PortException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
