package com.klinecast.standins.replay;

import java.time.Duration;

/** A misbehaviour the replay server puts on one klines request, as the real exchange sometimes does. */
public record Fault(Kind kind, Duration duration, PageRewrite rewrite) {

    public enum Kind {
        /** Answers normally: lets a request through before the faults queued behind it. */
        NONE,
        /** 429 with Retry-After (seconds) and code -1003. */
        RATE_LIMITED,
        /** 418 with Retry-After: the IP is banned. */
        BANNED,
        /** 500 with an empty body. */
        SERVER_ERROR,
        /** Answers correctly, but only after {@code duration}: past a client's time-out. */
        SLOW,
        /** 200 with a body that is not JSON. */
        MALFORMED_JSON,
        /** 200 whose body stops half-way, the connection closed under it. */
        TRUNCATED,
        /** 200 with the page as {@link PageRewrite} rewrote it. */
        REWRITTEN
    }

    public Fault(Kind kind, Duration duration) {
        this(kind, duration, null);
    }

    public static Fault none() {
        return new Fault(Kind.NONE, Duration.ZERO);
    }

    public static Fault rateLimited(Duration retryAfter) {
        return new Fault(Kind.RATE_LIMITED, retryAfter);
    }

    public static Fault banned(Duration retryAfter) {
        return new Fault(Kind.BANNED, retryAfter);
    }

    public static Fault serverError() {
        return new Fault(Kind.SERVER_ERROR, Duration.ZERO);
    }

    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, delay);
    }

    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, Duration.ZERO);
    }

    public static Fault truncated() {
        return new Fault(Kind.TRUNCATED, Duration.ZERO);
    }

    /** Serves the requested page as {@code rewrite} turns it (see {@link PageRewrite}). */
    public static Fault rewrite(PageRewrite rewrite) {
        return new Fault(Kind.REWRITTEN, Duration.ZERO, rewrite);
    }
}
