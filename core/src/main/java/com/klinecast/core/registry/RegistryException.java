package com.klinecast.core.registry;

/** The model registry could not complete an operation; subclasses say why when the caller can act on it. */
public class RegistryException extends RuntimeException {

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
