package com.klinecast.core.config;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Typed, validated reads of environment variables; every failure names the variable. */
public final class Env {

    private final Map<String, String> vars;

    public Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public String required(String name, String what) {
        String value = vars.get(name);
        if (value == null || value.isBlank()) {
            throw new ConfigException(name + " is not set: it should hold " + what);
        }
        return value.trim();
    }

    public String text(String name, String fallback) {
        String value = vars.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public List<String> list(String name, String fallback) {
        return Arrays.stream(text(name, fallback).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public int integer(String name, int fallback) {
        return parse(name, String.valueOf(fallback), Integer::parseInt, "an integer");
    }

    public Duration seconds(String name, long fallback) {
        return Duration.ofSeconds(parse(name, String.valueOf(fallback), Long::parseLong, "a number of seconds"));
    }

    public URI url(String name, URI fallback) {
        URI uri = parse(name, fallback.toString(), URI::create, "a URL");
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new ConfigException(name + " is '" + uri + "': expected an absolute http(s) URL");
        }
        return uri;
    }

    public Instant instant(String name, String fallback) {
        return parse(name, fallback, Env::parseInstant, "a date (2017-08-17) or an ISO-8601 instant");
    }

    /** A date means its start in UTC; an instant is taken as is. */
    public static Instant parseInstant(String text) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            return Instant.parse(text);
        }
    }

    private <T> T parse(String name, String fallback, Function<String, T> parser, String what) {
        String text = text(name, fallback);
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new ConfigException(name + " is '" + text + "': expected " + what);
        }
    }
}
