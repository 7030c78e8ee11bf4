package com.klinecast.core.registry;

/**
 * The outcome of {@link ModelRegistry#promoteIfBetter}, {@link ModelRegistry#promote} or
 * {@link ModelRegistry#rollback}: whether the champion changed, why (scores and windows compared, or why nothing
 * was compared), and the champion after the decision ({@code null} only when the series still has none).
 */
public record PromotionDecision(boolean promoted, String reason, Champion champion) {
}
