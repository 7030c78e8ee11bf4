package com.klinecast.core.machine;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The faults of the machine itself, named from a failure's chain of messages: the same condition reaches us as an
 * {@code IOException}'s text, an errno name, SQLite's or LevelDB's wording inside a stand-in's 500, or an SDK
 * exception around any of those. Naming it ("disk full") tells the operator what to fix; the message it came
 * with often does not ("500 unknown error", "unprocessed items").
 */
public enum MachineFault {

    DISK_FULL("disk full", List.of("no space left on device", "enospc", "disk is full", "disk full",
            "sqlite_full", "quota exceeded", "edquot")),
    READ_ONLY("read-only file system", List.of("read-only file system", "erofs", "readonly database",
            "read-only database", "sqlite_readonly")),
    PERMISSION("permission denied", List.of("permission denied", "eacces", "access denied", "accessdenied",
            "operation not permitted", "eperm")),
    PORT_TAKEN("port already in use", List.of("address already in use", "eaddrinuse", "bindexception"));

    private final String label;
    private final List<String> signs;

    MachineFault(String label, List<String> signs) {
        this.label = label;
        this.signs = signs;
    }

    /** How a report names it: "disk full". */
    public String label() {
        return label;
    }

    /** The first fault any message (or exception class name) in the chain shows, if any. */
    public static Optional<MachineFault> of(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            String text = (t.getClass().getSimpleName() + " " + t.getMessage()).toLowerCase(Locale.ROOT);
            for (MachineFault fault : values()) {
                if (fault.signs.stream().anyMatch(text::contains)) {
                    return Optional.of(fault);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code "disk full: " + message} when the chain shows a machine fault, else the message as it is. */
    public static String describe(Throwable failure, String message) {
        return of(failure).map(f -> f.label() + ": " + message).orElse(message);
    }
}
