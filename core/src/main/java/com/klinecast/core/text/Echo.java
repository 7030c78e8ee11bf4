package com.klinecast.core.text;

/** Caller input quoted back in an error message, cut so that a huge value cannot grow the message with it. */
public final class Echo {

    static final int KEPT = 32;

    private Echo() {
    }

    /** The text itself up to 32 characters, else its first 32 and "...". */
    public static String shorten(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= KEPT ? text : text.substring(0, KEPT) + "...";
    }
}
