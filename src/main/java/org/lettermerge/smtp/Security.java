package org.lettermerge.smtp;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the connection to the SMTP server is protected. */
public enum Security {
    /** Clear text: only for a sandbox or a relay on the same machine. */
    NONE,
    /** Plain connect, then STARTTLS (RFC 3207), usually port 587. Required: never falls back to clear text. */
    STARTTLS,
    /** TLS from the first byte (RFC 8314 "implicit TLS"), usually port 465. */
    TLS;

    /** The port each kind is usually served on: 25 (RFC 5321), 587 (RFC 6409), 465 (RFC 8314). */
    public int defaultPort() {
        return switch (this) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        };
    }

    /** Parses "none", "starttls" or "tls", in any case. */
    public static Security parse(String word) {
        String normalized = word == null ? "" : word.strip().toUpperCase(Locale.ROOT);
        for (Security security : values()) {
            if (security.name().equals(normalized)) {
                return security;
            }
        }
        throw new IllegalArgumentException("unknown SMTP security '" + word + "': choose one of " + choices());
    }

    private static String choices() {
        return Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
