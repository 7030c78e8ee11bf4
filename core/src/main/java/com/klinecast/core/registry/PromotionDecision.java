package com.klinecast.core.registry;

/**
 * The outcome of {@link ModelRegistry#promoteIfBetter}, {@link ModelRegistry#promote} or
 * {@link ModelRegistry#rollback}: whether the champion changed, why (scores and windows compared, or why nothing
 * was compared), and the champion after the decision ({@code null} only when the series still has none).
 *
 * <p>{@code aliasProblem} is null unless the change committed but the alias {@code champion.json} could not be
 * brought up to date: the champion has moved all the same (readers follow the log, and the next reader or writer
 * rebuilds the alias), and this says what did not work.
 */
public record PromotionDecision(boolean promoted, String reason, Champion champion, String aliasProblem) {

    public PromotionDecision(boolean promoted, String reason, Champion champion) {
        this(promoted, reason, champion, null);
    }
}
