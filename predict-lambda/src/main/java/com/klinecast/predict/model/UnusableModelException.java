package com.klinecast.predict.model;

/** A version whose artifacts verified but which this predictor cannot run (unknown scaler, newer feature set). */
public final class UnusableModelException extends RuntimeException {

    public UnusableModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
