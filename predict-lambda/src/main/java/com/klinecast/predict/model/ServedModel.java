package com.klinecast.predict.model;

import com.klinecast.core.evaluation.ResidualIntervals;
import com.klinecast.core.published.PublishedModel;
import com.klinecast.core.registry.ModelManifest;
import java.util.List;

/**
 * A registry version ready to serve: the forecaster, its quantile band (or, for versions from before bands, the
 * 80% intervals) and the backtest skill from its manifest, the longest horizon it may be asked for, how it was
 * chosen and why it serves.
 *
 * @param intervals the 80% intervals of a version published before bands (null otherwise, or without either;
 *     its forecasts then carry no band)
 * @param fallback set when a corrupt champion was skipped for this (earlier) version
 * @param reason why this version serves, in words (for a naive champion: that no model has beaten it, with the
 *     numbers)
 */
public record ServedModel(PublishedModel published, ResidualIntervals intervals, List<HorizonSkill> skill,
        int maxSteps, Source source, Fallback fallback, String reason) {

    /** How the served version was chosen. */
    public enum Source { CHAMPION, PINNED, FALLBACK }

    /** The champion that could not be served, and why. */
    public record Fallback(int skipped, String reason) {
    }

    public ServedModel {
        skill = List.copyOf(skill);
    }

    public ModelManifest manifest() {
        return published.manifest();
    }

    public int version() {
        return published.manifest().version();
    }

    ServedModel as(Source newSource, Fallback newFallback) {
        return new ServedModel(published, intervals, skill, maxSteps, newSource, newFallback, reason);
    }

    ServedModel because(String why) {
        return new ServedModel(published, intervals, skill, maxSteps, source, fallback, why);
    }
}
