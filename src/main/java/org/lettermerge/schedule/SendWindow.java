package org.lettermerge.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours in which letters may go out, on the recipient's wall clock: {@code Mon-Fri 09:00-17:00}; the end is
 * exclusive ({@code 24:00} is allowed as an end). No window ({@link #ALWAYS}) means always open.
 *
 * <p>On day D the window is open from {@code opening(D)} (inclusive) to {@code closing(D)} (exclusive), each the
 * <em>earliest instant at which the wall clock reads that time of day D or later</em>. That one rule settles
 * daylight saving: a time inside the skipped hour is reached at the first instant after the gap; a time inside the
 * repeated hour is reached the first time the clock shows it, so the window opens once and the repeat is not a
 * second window (nothing is sent twice, no day is skipped).
 */
public final class SendWindow {

    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final String FORM = "write days and hours such as 'Mon-Fri 09:00-17:00', 'Mon,Wed 08:30-12:00', "
            + "'Sat-Sun 10:00-14:00' or 'daily 09:00-17:00' (the end is exclusive; 24:00 allowed)";
    private static final Pattern WINDOW = Pattern.compile("(\\S+)\\s+(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    public static final SendWindow ALWAYS = new SendWindow(EnumSet.allOf(DayOfWeek.class), 0, MINUTES_PER_DAY);

    private final Set<DayOfWeek> days;
    private final int startMinute;
    private final int endMinute;

    private SendWindow(Set<DayOfWeek> days, int startMinute, int endMinute) {
        this.days = Set.copyOf(days);
        this.startMinute = startMinute;
        this.endMinute = endMinute;
    }

    /** Parses a window; null, blank or {@code always} is {@link #ALWAYS}. */
    public static SendWindow parse(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("always")) {
            return ALWAYS;
        }
        Matcher m = WINDOW.matcher(text.strip());
        Set<DayOfWeek> days = m.matches() ? WeekDays.parse(m.group(1)) : null;
        if (days == null) {
            throw new IllegalArgumentException("'" + text + "' is not a send window: " + FORM);
        }
        int start = minuteOfDay(text, m.group(2), m.group(3));
        int end = minuteOfDay(text, m.group(4), m.group(5));
        if (start == MINUTES_PER_DAY) {
            throw new IllegalArgumentException("'" + text + "': a window cannot start at 24:00; " + FORM);
        }
        if (end <= start) {
            throw new IllegalArgumentException("'" + text + "': the window must end after it starts on the same day "
                    + "(a window cannot cross midnight; end it at 24:00 instead)");
        }
        return new SendWindow(days, start, end);
    }

    private static int minuteOfDay(String text, String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 24 || m > 59 || (h == 24 && m != 0)) {
            throw new IllegalArgumentException(
                    "'" + text + "': " + hours + ":" + minutes + " is not a time of day (00:00 to 24:00)");
        }
        return h * 60 + m;
    }

    public boolean isAlways() {
        return equals(ALWAYS);
    }

    /** Whether a letter may start at {@code t} for a recipient in {@code zone}. */
    public boolean isOpen(Instant t, ZoneId zone) {
        Objects.requireNonNull(t, "t");
        if (isAlways()) {
            return true;
        }
        LocalDate today = LocalDate.ofInstant(t, zone);
        // A day's window lies within that day's wall-clock hours; the neighbours matter only around a daylight-saving
        // change at midnight, where the wall-clock date and the window's day can disagree.
        for (LocalDate d = today.minusDays(1); !d.isAfter(today.plusDays(1)); d = d.plusDays(1)) {
            if (days.contains(d.getDayOfWeek()) && !t.isBefore(opening(d, zone)) && t.isBefore(closing(d, zone))) {
                return true;
            }
        }
        return false;
    }

    /** {@code t} itself if the window is open then, else the next instant at which it opens. */
    public Instant nextOpen(Instant t, ZoneId zone) {
        if (isOpen(t, zone)) {
            return t;
        }
        LocalDate today = LocalDate.ofInstant(t, zone);
        // Two weeks: a window whose every day fell into a daylight-saving gap would still find the next week's.
        for (LocalDate d = today.minusDays(1); d.isBefore(today.plusDays(15)); d = d.plusDays(1)) {
            if (days.contains(d.getDayOfWeek())) {
                Instant open = opening(d, zone);
                if (open.isAfter(t) && open.isBefore(closing(d, zone))) {
                    return open;
                }
            }
        }
        throw new IllegalStateException(this + " never opens in " + zone + " in the two weeks after " + t);
    }

    private Instant opening(LocalDate day, ZoneId zone) {
        return firstReached(day.atStartOfDay().plusMinutes(startMinute), zone.getRules());
    }

    private Instant closing(LocalDate day, ZoneId zone) {
        return firstReached(day.atStartOfDay().plusMinutes(endMinute), zone.getRules());
    }

    /** The earliest instant at which the wall clock reads {@code local} or later. */
    static Instant firstReached(LocalDateTime local, ZoneRules rules) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            // In a gap the clock jumps past this time: the first reading later than it is the jump itself.
            return rules.getTransition(local).getInstant();
        }
        Instant earliest = local.toInstant(offsets.get(0));
        for (ZoneOffset offset : offsets) {
            Instant candidate = local.toInstant(offset);
            if (candidate.isBefore(earliest)) {
                earliest = candidate;
            }
        }
        return earliest;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SendWindow)) {
            return false;
        }
        SendWindow other = (SendWindow) o;
        return days.equals(other.days) && startMinute == other.startMinute && endMinute == other.endMinute;
    }

    @Override
    public int hashCode() {
        return Objects.hash(days, startMinute, endMinute);
    }

    /** The form {@link #parse} reads back, e.g. {@code Mon,Tue,Wed,Thu,Fri 09:00-17:00}, or {@code always}. */
    @Override
    public String toString() {
        if (isAlways()) {
            return "always";
        }
        return WeekDays.describe(EnumSet.copyOf(days)) + " " + clock(startMinute) + "-" + clock(endMinute);
    }

    private static String clock(int minuteOfDay) {
        return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }
}
