package com.klinecast.training.results;

import com.klinecast.core.bands.Band;
import com.klinecast.core.bands.BandSelection;
import com.klinecast.core.bands.CandidateScore;
import com.klinecast.core.bands.Levels;
import com.klinecast.core.dataset.Split;
import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.evaluation.stats.QuantileScores;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Baselines;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.training.config.TrainingConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every candidate band around naive and drift on one series, as the training job chooses among them: the scores
 * over the selection folds that decide with each candidate's 80% coverage over those folds, then its 80% coverage and
 * mean pinball on the test split, so that what was chosen can be read beside what the test split then showed.
 */
public final class BandCandidates {

    private static final int[] SHOWN = {1, 7, 30};

    private BandCandidates() {
    }

    /** Lines of text: per baseline, the choice, then a line per candidate. */
    public static List<String> report(Series series, List<Bar> bars, TrainingConfig config) {
        Split split = Split.of(bars.size(), config.validationFraction(), config.testFraction());
        List<String> lines = new ArrayList<>();
        for (ModelFamily family : List.of(ModelFamily.NAIVE, ModelFamily.DRIFT)) {
            Forecaster f = Baselines.forecaster(Baselines.scaling(family, bars.subList(0, split.trainEnd()),
                    Target.CLOSE), config.maxHorizon(), series.interval());
            Forecasts beforeTest = Backtest.forecast(bars, f, 0, split.validationEnd() - 1, config.maxHorizon());
            List<CandidateScore> scores = BandSelection.score(bars, beforeTest, split.trainEnd(),
                    split.validationEnd(), config.horizonArray());
            List<Band> published = BandSelection.published(bars, beforeTest, split.trainEnd(), split.validationEnd());
            lines.add(series + " " + family.code() + " chose "
                    + BandSelection.label(BandSelection.choose(scores, published).band()));
            Forecasts onTest = Backtest.forecast(bars, f, split.validationEnd() - 1, bars.size() - 1,
                    config.maxHorizon());
            for (CandidateScore score : scores) {
                Band band = published.stream().filter(b -> BandSelection.label(b).equals(score.label())).findFirst()
                        .orElseThrow();
                lines.add(String.format("  %-26s %.4f over %d folds, 80%% held%s  test %s", score.label(),
                        score.relativePinball(), score.folds(), coverage(config.horizonArray(), score),
                        scores(band, bars, onTest, 0, bars.size())));
            }
        }
        return lines;
    }

    /** Per horizon, the share held over all folds, then the lowest and highest on one fold. */
    private static String coverage(int[] horizons, CandidateScore score) {
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < horizons.length; j++) {
            out.append(String.format(" h%d %5.1f%% [%.0f-%.0f]", horizons[j], 100 * score.coverage80()[j],
                    100 * score.lowestFold()[j], 100 * score.highestFold()[j]));
        }
        return out.toString();
    }

    /** 80% coverage and mean pinball per shown horizon, over origins from {@code from} whose target is before end. */
    private static String scores(Band band, List<Bar> bars, Forecasts forecasts, int from, int end) {
        StringBuilder out = new StringBuilder();
        for (int h : SHOWN) {
            if (h > forecasts.maxHorizon()) {
                continue;
            }
            int n = 0;
            int inside = 0;
            double pinball = 0;
            for (int k = from; k < forecasts.origins().length; k++) {
                int origin = forecasts.origins()[k];
                if (origin + h >= Math.min(end, bars.size())) {
                    continue;
                }
                double[] q = band.quantiles(bars.subList(0, origin + 1),
                        Arrays.copyOf(forecasts.points()[k], h))[h - 1];
                double actual = bars.get(origin + h).close();
                n++;
                inside += Levels.inside(q, Levels.P10, Levels.P90, actual) ? 1 : 0;
                pinball += QuantileScores.meanPinball(q, Levels.LEVELS, actual);
            }
            out.append(n == 0 ? String.format(" h%d      -        -", h)
                    : String.format(" h%d %5.1f%% %8.2f", h, 100.0 * inside / n, pinball / n));
        }
        return out.toString();
    }
}
