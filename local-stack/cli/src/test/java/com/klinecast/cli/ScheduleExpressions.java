package com.klinecast.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** EventBridge schedule expressions, checked by EventBridge's documented rules for rate() and cron(). */
final class ScheduleExpressions {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|hour|day)(s?)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private ScheduleExpressions() {
    }

    /** What is wrong with {@code expression}, or "" when EventBridge accepts it. */
    static String problem(String expression) {
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            if (value < 1) {
                return "a rate must be positive";
            }
            return (value == 1) == rate.group(3).isEmpty() ? "" : "rate(1 unit) is singular, other values plural";
        }
        Matcher cron = CRON.matcher(expression);
        if (!cron.matches()) {
            return "neither rate(value unit) nor cron(fields)";
        }
        String[] f = cron.group(1).trim().split("\\s+");
        if (f.length != 6) {
            return "cron takes 6 fields (minutes hours day-of-month month day-of-week year), got " + f.length;
        }
        if ("?".equals(f[2]) == "?".equals(f[4])) {
            return "exactly one of day-of-month and day-of-week must be ?";
        }
        String[] problems = {
            field(f[0], 0, 59, List.of(), ""),
            field(f[1], 0, 23, List.of(), ""),
            field(f[2], 1, 31, List.of(), "?LW"),
            field(f[3], 1, 12, MONTHS, ""),
            field(f[4], 1, 7, DAYS, "?L#"),
            field(f[5], 1970, 2199, List.of(), "")};
        for (String p : problems) {
            if (!p.isEmpty()) {
                return p;
            }
        }
        return "";
    }

    private static String field(String text, int min, int max, List<String> names, String specials) {
        if ("?".equals(text)) {
            return specials.contains("?") ? "" : "? only in day-of-month or day-of-week";
        }
        for (String item : text.split(",", -1)) {
            String[] step = item.split("/", -1);
            if (step.length > 2 || step.length == 2 && !step[1].matches("[1-9]\\d*")) {
                return "bad increment in '" + item + "'";
            }
            String base = step[0];
            if ("*".equals(base)) {
                continue;
            }
            if (specials.contains("L") && base.matches("L|LW|\\d{1,2}W|\\dL")) {
                if (base.endsWith("W") && !specials.contains("W") || base.matches("\\dL") && !specials.contains("#")) {
                    return "'" + base + "' is not allowed here";
                }
                continue;
            }
            if (specials.contains("#") && base.matches("[^#]+#[1-5]")) {
                base = base.substring(0, base.indexOf('#'));
            }
            String[] range = base.split("-", -1);
            if (range.length > 2) {
                return "bad range '" + base + "'";
            }
            for (String value : range) {
                if (!inRange(value, min, max, names)) {
                    return "'" + value + "' is outside " + min + "-" + max + (names.isEmpty() ? "" : " or " + names);
                }
            }
        }
        return "";
    }

    private static boolean inRange(String value, int min, int max, List<String> names) {
        if (names.contains(value)) {
            return true;
        }
        if (!value.matches("\\d{1,4}")) {
            return false;
        }
        int v = Integer.parseInt(value);
        return v >= min && v <= max;
    }
}
