package com.klinecast.core.ledger;

import com.klinecast.core.evaluation.stats.DieboldMariano;
import java.util.ArrayList;
import java.util.List;

/**
 * The matured scores of one horizon over a window, oldest origin first, and the statistics of them: by absolute
 * error and the bands for close and volume, by QLIKE and squared error for volatility (as its backtest judges).
 */
final class Matured {

    private final int horizon;
    private final boolean variance;
    private final List<Score> scores = new ArrayList<>();

    Matured(int horizon, boolean variance) {
        this.horizon = horizon;
        this.variance = variance;
    }

    void add(Score score) {
        scores.add(score);
    }

    int count() {
        return scores.size();
    }

    double[] absErrors() {
        return scores.stream().mapToDouble(Score::absError).toArray();
    }

    double[] naiveAbsErrors() {
        return scores.stream().mapToDouble(Score::naiveAbsError).toArray();
    }

    SkillReport.HorizonSkill skill(String window) {
        return variance ? varianceSkill(window) : pointSkill(window);
    }

    private SkillReport.HorizonSkill pointSkill(String window) {
        int n = scores.size();
        double abs = 0;
        double naive = 0;
        for (Score s : scores) {
            abs += s.absError();
            naive += s.naiveAbsError();
        }
        Double mase = n == 0 || naive == 0 ? null : abs / naive;
        Double dm = n < 2 ? null : finite(DieboldMariano.absoluteErrors(absErrors(), naiveAbsErrors(), horizon)
                .pBetter());
        List<Score> banded = scores.stream().filter(s -> s.in80() != null).toList();
        Double c50 = share(banded, 50);
        Double c80 = share(banded, 80);
        Double c90 = share(banded, 90);
        Double pinball = banded.isEmpty() ? null
                : banded.stream().mapToDouble(Score::pinball).average().orElseThrow();
        return new SkillReport.HorizonSkill(horizon, window, n, mase, dm, c50, c80, c90, pinball);
    }

    /** QLIKE and MSE over naive volatility's, and the one-sided HLN-DM p-value on the QLIKE differential. */
    private SkillReport.HorizonSkill varianceSkill(String window) {
        int n = scores.size();
        double qlike = 0;
        double naiveQlike = 0;
        double squared = 0;
        double naiveSquared = 0;
        double[] differential = new double[n];
        for (int i = 0; i < n; i++) {
            Score s = scores.get(i);
            qlike += s.qlike();
            naiveQlike += s.naiveQlike();
            squared += s.squaredError();
            naiveSquared += s.naiveSquaredError();
            differential[i] = s.qlike() - s.naiveQlike();
        }
        Double qlikeRatio = n == 0 || naiveQlike == 0 ? null : qlike / naiveQlike;
        Double mseRatio = n == 0 || naiveSquared == 0 ? null : squared / naiveSquared;
        Double dm = n < 2 ? null : finite(DieboldMariano.ofDifferentials(differential, horizon).pBetter());
        return new SkillReport.HorizonSkill(horizon, window, n, null, dm, null, null, null, null, qlikeRatio,
                mseRatio);
    }

    private static Double share(List<Score> banded, int band) {
        if (banded.isEmpty()) {
            return null;
        }
        long in = banded.stream().filter(s -> switch (band) {
            case 50 -> s.in50();
            case 80 -> s.in80();
            default -> s.in90();
        }).count();
        return (double) in / banded.size();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
