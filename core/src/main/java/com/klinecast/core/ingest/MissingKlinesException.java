package com.klinecast.core.ingest;

/** The exchange keeps answering an empty page where closed candles must exist; nothing of it is taken as the end. */
public final class MissingKlinesException extends RuntimeException {

    public MissingKlinesException(String message) {
        super(message);
    }
}
