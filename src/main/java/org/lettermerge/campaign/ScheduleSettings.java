package org.lettermerge.campaign;

import java.time.Duration;
import java.time.ZoneId;
import org.lettermerge.schedule.Backoff;
import org.lettermerge.schedule.SendWindow;

/**
 * When a campaign's letters may go out and what happens when they cannot.
 *
 * @param window       the hours letters may be sent, in each recipient's zone (a {@code timezone} column)
 *                     or else the campaign's {@code zone}
 * @param retry        the backoff for deferred letters and how long to keep trying
 * @param errorBudget  pause after this many permanent failures in a row (0 = never)
 * @param missedGrace  a schedule missed by more than this (nothing was running) waits for {@code resume}
 */
public record ScheduleSettings(SendWindow window, ZoneId zone, Backoff retry, int errorBudget, Duration missedGrace) {

    public static ScheduleSettings defaults(ZoneId zone) {
        return new ScheduleSettings(SendWindow.ALWAYS, zone, Backoff.defaults(), 10, Duration.ofHours(1));
    }
}
