package org.lettermerge.schedule;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sending rate: {@code messages} per {@code per}, e.g. 30 per minute. {@link #UNLIMITED} (0 per zero) means no pacing.
 *
 * <p>Rates are kept as a count and a period, never as a floating-point "messages per second", so that the spacing
 * between two messages ({@link #interval()}) is exact and a sliding window can never hold one message too many.
 */
public record Rate(int messages, Duration per) {

    public static final Rate UNLIMITED = new Rate(0, Duration.ZERO);

    /** The slowest pace {@link #tightened()} goes down to. */
    static final Duration SLOWEST_INTERVAL = Duration.ofMinutes(1);

    /**
     * A server that throttles an account we were told is unlimited has told us its limit is lower than we knew:
     * one message per second is where we start (it is the pace Amazon SES grants new accounts).
     */
    static final Rate AFTER_THROTTLING_UNLIMITED = new Rate(1, Duration.ofSeconds(1));

    private static final String FORMS = "write N/s, N/min, N/h or N/day (e.g. 30/min or 2000/day), "
            + "optionally with a count of units (15/2min), or unlimited";
    private static final Pattern FORM = Pattern.compile(
            "(\\d{1,9})\\s*/\\s*(\\d{0,4})\\s*(s|sec|second|min|minute|h|hour|d|day)", Pattern.CASE_INSENSITIVE);

    public Rate {
        Objects.requireNonNull(per, "per");
        boolean unlimited = messages == 0 && per.isZero();
        if (!unlimited && (messages < 1 || per.isNegative() || per.isZero())) {
            throw new IllegalArgumentException(
                    "a rate needs at least one message per a period longer than zero, got " + messages + " per " + per);
        }
    }

    /** Parses {@code 30/min}, {@code 2/s}, {@code 500/h}, {@code 2000/day}, {@code 15/2min} or {@code unlimited}. */
    public static Rate parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.equalsIgnoreCase("unlimited")) {
            return UNLIMITED;
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a sending rate: " + FORMS);
        }
        int messages = Integer.parseInt(m.group(1));
        long units = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
        if (messages == 0 || units == 0) {
            throw new IllegalArgumentException("'" + text + "' would send nothing: " + FORMS);
        }
        return new Rate(messages, unit(m.group(3)).multipliedBy(units));
    }

    private static Duration unit(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "s": case "sec": case "second": return Duration.ofSeconds(1);
            case "min": case "minute": return Duration.ofMinutes(1);
            case "h": case "hour": return Duration.ofHours(1);
            default: return Duration.ofDays(1);
        }
    }

    public boolean isUnlimited() {
        return messages == 0;
    }

    /**
     * The spacing between two messages: {@code per / messages}, rounded UP to the nanosecond. Rounding down would let
     * e.g. 7/min fit 8 messages into one minute (7 × 8.571428571 s &lt; 60 s). Zero when unlimited.
     */
    public Duration interval() {
        if (isUnlimited()) {
            return Duration.ZERO;
        }
        Duration down = per.dividedBy(messages);
        return down.multipliedBy(messages).equals(per) ? down : down.plusNanos(1);
    }

    /**
     * Half this rate, for after the server said we send too fast; never slower than one per minute (a rate already
     * that slow stays as it is). {@link #UNLIMITED} becomes one per second.
     */
    public Rate tightened() {
        if (isUnlimited()) {
            return AFTER_THROTTLING_UNLIMITED;
        }
        if (interval().compareTo(SLOWEST_INTERVAL) >= 0) {
            return this;
        }
        Rate half = messages % 2 == 0 ? new Rate(messages / 2, per) : new Rate(messages, per.multipliedBy(2));
        return half.interval().compareTo(SLOWEST_INTERVAL) > 0 ? new Rate(1, SLOWEST_INTERVAL) : half;
    }

    /** The form {@link #parse} reads back: {@code 30/min}, {@code 15/2min}, {@code unlimited}. */
    @Override
    public String toString() {
        if (isUnlimited()) {
            return "unlimited";
        }
        return messages + "/" + period(per);
    }

    private static String period(Duration d) {
        if (d.getNano() != 0) {
            return d.toString();
        }
        String[] names = {"day", "h", "min", "s"};
        long[] seconds = {86_400, 3_600, 60, 1};
        for (int i = 0; i < seconds.length; i++) {
            if (d.getSeconds() % seconds[i] == 0) {
                long n = d.getSeconds() / seconds[i];
                return (n == 1 ? "" : Long.toString(n)) + names[i];
            }
        }
        throw new AssertionError("every whole number of seconds is a multiple of one second");
    }
}
