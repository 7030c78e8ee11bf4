package com.klinecast.core.config;

/** A setting is missing or malformed; the message names the setting and what it expects. */
public final class ConfigException extends IllegalArgumentException {

    public ConfigException(String message) {
        super(message);
    }
}
