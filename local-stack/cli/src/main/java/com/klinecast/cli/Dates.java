package com.klinecast.cli;

import com.klinecast.core.config.Env;
import com.klinecast.core.text.Echo;
import java.time.DateTimeException;
import java.time.Instant;

/** A date or instant given on the command line, refused as bad input naming its option. */
final class Dates {

    private Dates() {
    }

    static Instant parse(String option, String text) {
        try {
            return Env.parseInstant(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(option + " '" + Echo.shorten(text) + "' is not a date (2025-07-01) "
                    + "or an ISO-8601 instant (2025-07-01T00:05:00Z)");
        }
    }
}
