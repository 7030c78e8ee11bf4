package com.klinecast.core.ledger;

/** The ledger step of a daily run failed for one or more series (after the catch-up, which it never undoes). */
public final class LedgerException extends RuntimeException {

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
