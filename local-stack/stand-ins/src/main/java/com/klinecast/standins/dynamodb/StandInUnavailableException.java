package com.klinecast.standins.dynamodb;

/**
 * The DynamoDB stand-in cannot run on this machine or data dir (no Node.js, a failed install, a data dir it cannot
 * read); the message is one line that says what to do, for a CLI to print as it is.
 */
public final class StandInUnavailableException extends RuntimeException {

    public StandInUnavailableException(String message) {
        super(message);
    }

    public StandInUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
