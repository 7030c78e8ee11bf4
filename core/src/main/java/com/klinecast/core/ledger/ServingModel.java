package com.klinecast.core.ledger;

import com.klinecast.core.bands.Band;
import com.klinecast.core.forecast.Forecaster;

/**
 * The champion a series' target serves, ready to forecast: the same {@link Forecaster} and {@link Band} the predict
 * function and the backtest run (from {@code PublishedModel}), with the horizons the version was evaluated at.
 *
 * @param band null for a version from before bands
 */
public record ServingModel(int version, String family, Forecaster forecaster, Band band, int maxHorizon) {

    public String bandMethod() {
        return band == null ? null : band.method();
    }

    public int barsNeeded() {
        return Math.max(forecaster.barsNeeded(), band == null ? 0 : band.barsNeeded());
    }
}
