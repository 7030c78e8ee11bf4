package com.klinecast.core.scheduled;

import com.klinecast.core.config.Env;

/**
 * The daily function's ledger setting: {@code MODEL_BUCKET}, the registry whose champions it records (and may fall
 * back to naive). Blank: no ledger step, the catch-up alone.
 */
public record LedgerConfig(String modelBucket) {

    public static LedgerConfig fromEnv(Env env) {
        return new LedgerConfig(env.text("MODEL_BUCKET", ""));
    }

    public boolean enabled() {
        return !modelBucket.isBlank();
    }
}
