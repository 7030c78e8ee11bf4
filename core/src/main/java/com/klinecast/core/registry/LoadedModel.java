package com.klinecast.core.registry;

import java.util.Map;

/**
 * A verified version: its manifest and every artifact's bytes, each checked against the manifest's SHA-256 and
 * size before this object exists. The arrays are not copied; treat them as read-only.
 */
public record LoadedModel(ModelManifest manifest, Map<String, byte[]> artifacts) {

    public LoadedModel {
        artifacts = Map.copyOf(artifacts);
    }

    public byte[] artifact(String name) {
        byte[] bytes = artifacts.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("no artifact '" + name + "'; the model has " + artifacts.keySet());
        }
        return bytes;
    }
}
