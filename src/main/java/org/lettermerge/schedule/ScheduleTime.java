package org.lettermerge.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's {@code --at} value: a date and time, with a zone name, an offset, or neither (then the default zone).
 *
 * <p>A wall-clock time that does not exist (skipped when clocks go forward) or that happens twice (when they go back)
 * is refused rather than guessed: sending an hour early or late is exactly the surprise a schedule must not spring.
 */
public final class ScheduleTime {

    private static final String FORMS = "write e.g. '2026-12-07 09:00 America/New_York', '2026-12-07 09:00' "
            + "(in %s), '2026-12-07T09:00:00Z' or '2026-12-07T09:00-05:00'";
    private static final Pattern FORM = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2})?)(Z|[+-]\\d{2}:\\d{2})?(?:\\s+(\\S+))?");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private ScheduleTime() {}

    public static Instant parse(String text, ZoneId defaultZone) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(defaultZone, "defaultZone");
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a date and time: " + String.format(FORMS, defaultZone));
        }
        LocalDateTime local;
        ZoneOffset offset;
        try {
            local = LocalDateTime.of(LocalDate.parse(m.group(1)), LocalTime.parse(m.group(2)));
            offset = m.group(3) == null ? null : ZoneOffset.of(m.group(3));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a real date and time: " + e.getMessage());
        }
        ZoneId zone = m.group(4) == null ? null : zone(m.group(4));
        if (offset != null) {
            if (zone != null && !zone.getRules().isValidOffset(local, offset)) {
                throw new IllegalArgumentException("'" + text + "': " + zone + " is not at " + offset + " on "
                        + SHOWN.format(local) + " (it is at " + zone.getRules().getValidOffsets(local) + ")");
            }
            return local.toInstant(offset);
        }
        return resolve(local, zone != null ? zone : defaultZone);
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + name
                    + "': use a region name such as Europe/Berlin or America/New_York, or an offset such as -05:00");
        }
    }

    private static Instant resolve(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toInstant(offsets.get(0));
        }
        ZoneOffsetTransition change = rules.getTransition(local);
        String shown = SHOWN.format(local);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException(shown + " does not exist in " + zone + ": clocks jump from "
                    + SHOWN.format(change.getDateTimeBefore()) + " to " + SHOWN.format(change.getDateTimeAfter())
                    + " that day. Pick a time outside the gap, or add the offset you mean, e.g. " + shown
                    + change.getOffsetBefore());
        }
        throw new IllegalArgumentException(shown + " happens twice in " + zone + " (clocks go back from "
                + SHOWN.format(change.getDateTimeBefore()) + " to " + SHOWN.format(change.getDateTimeAfter())
                + "). Add the offset you mean: " + shown + change.getOffsetBefore() + " for the first, "
                + shown + change.getOffsetAfter() + " for the second");
    }
}
