package org.lettermerge.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.lettermerge.campaign.Durations;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.schedule.ScheduleTime;

/**
 * When a follow-up starts, and how far apart two reminders about one letter must be, from what the organizer gave:
 * nothing (now, a day apart), a wait such as 7d (from now, that far apart) or a time such as
 * "2026-12-14 09:00 Europe/Paris" (the wait until then). {@code followup --after/--at} and the dashboard's form.
 */
public record FollowupStart(Instant startAt, Duration spacing) {

    public static FollowupStart now(Instant now) {
        return new FollowupStart(now, Reminders.DEFAULT_SPACING);
    }

    /** @param key where the text was given (--after), for the error */
    public static FollowupStart after(String wait, Instant now, String key) {
        try {
            Instant start = now.plus(Durations.parseWait(wait));
            return new FollowupStart(start, Duration.between(now, start));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Problem.error(key, e.getMessage()));
        }
    }

    /** @param zone the zone of a time that names none (the campaign's) */
    public static FollowupStart at(String time, ZoneId zone, Instant now, String key) {
        Instant start;
        try {
            start = ScheduleTime.parse(time, zone);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Problem.error(key, e.getMessage()));
        }
        if (start.isBefore(now)) {
            throw new InvalidInputException(Problem.error(key, "'" + time + "' is in the past (" + start
                    + "): give a later time, or a wait such as 7d"));
        }
        return new FollowupStart(start, Duration.between(now, start));
    }

    /** One field that takes either: empty for now, a wait (it starts with a digit and has no '-'), else a time. */
    public static FollowupStart parse(String text, ZoneId zone, Instant now, String key) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("now")) {
            return now(now);
        }
        String t = text.strip();
        return t.matches("\\d+\\s*[a-zA-Z]+") ? after(t, now, key) : at(t, zone, now, key);
    }
}
