package com.klinecast.core.binance;

import java.util.function.Supplier;

/** Lets tests outside the package make a {@link BinanceException} (its constructor is package-private). */
public final class BinanceExceptionForTests implements Supplier<BinanceException> {

    @Override
    public BinanceException get() {
        return new BinanceException(BinanceException.Reason.REJECTED, "injected exchange failure", 400, -1121, null, null);
    }
}
