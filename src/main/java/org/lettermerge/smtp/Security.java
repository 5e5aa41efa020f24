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
