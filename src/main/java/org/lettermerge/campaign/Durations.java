package org.lettermerge.campaign;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in a campaign file: {@code 300ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 3d}. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {}

    public static Duration parse(String text) {
        Duration d = parseOrZero(text);
        if (d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
        }
        return d;
    }

    /**
     * A wait before something starts: a duration as {@link #parse} reads it, where zero ({@code 0s}, {@code 0d})
     * and the word {@code now} mean "start now".
     */
    public static Duration parseWait(String text) {
        return text.strip().equalsIgnoreCase("now") ? Duration.ZERO : parseOrZero(text);
    }

    private static Duration parseOrZero(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a number and a unit "
                    + "(ms, s, m, h, d), e.g. 30s or 10m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
