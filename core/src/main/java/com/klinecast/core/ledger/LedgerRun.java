package com.klinecast.core.ledger;

/**
 * What the daily run did to the ledger of one series' target: whether it recorded today's forecast (or found it
 * already there, or had nothing to record), the scores it wrote, and the fallback's reason when it fired.
 */
public record LedgerRun(String series, String target, String recording, int scoresWritten, String fallback) {

    public boolean recorded() {
        return "RECORDED".equals(recording);
    }

    @Override
    public String toString() {
        return series + " " + target + " ledger: " + recording.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + ", " + scoresWritten + " horizon scores written" + (fallback == null ? "" : "; " + fallback);
    }
}
