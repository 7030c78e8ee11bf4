package com.klinecast.training.judge;

import com.klinecast.core.champion.Verdict;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.RegistryException;
import com.klinecast.core.series.Series;
import java.util.function.Consumer;

/**
 * A judge that compares a challenger with the champion of the moment and remembers the last comparison: the
 * registry may ask again for the same champion (a retried promotion), and a champion that cannot be compared keeps
 * its place with the reason logged. Subclasses say how the two are compared.
 */
public abstract class ComparingJudge implements ModelRegistry.Judge {

    private final Series series;
    private final Consumer<String> log;
    private final String what;
    private int judged;
    private Verdict verdict;
    private String refusal;

    /** @param what how the champion is named in a refusal, e.g. "the champion" */
    protected ComparingJudge(Series series, Consumer<String> log, String what) {
        this.series = series;
        this.log = log;
        this.what = what;
    }

    /**
     * The verdict against {@code champion}.
     *
     * @throws IllegalArgumentException or IllegalStateException when the two cannot be compared, saying why
     */
    protected abstract Verdict compare(ModelManifest champion);

    /** The verdict against the last champion judged, or null when none could be compared. */
    public Verdict verdict() {
        return verdict;
    }

    @Override
    public ModelRegistry.Judgement judge(ModelManifest champion) {
        if (judged != champion.version()) {
            judged = champion.version();
            refusal = null;
            verdict = null;
            try {
                verdict = compare(champion);
            } catch (IllegalArgumentException | IllegalStateException | RegistryException e) {
                refusal = what + " v" + champion.version() + " cannot be compared: " + e.getMessage();
            }
        }
        if (verdict == null) {
            log.accept(series + ": " + refusal);
            return new ModelRegistry.Judgement(false, refusal);
        }
        return new ModelRegistry.Judgement(verdict.promote(), verdict.summary());
    }
}
