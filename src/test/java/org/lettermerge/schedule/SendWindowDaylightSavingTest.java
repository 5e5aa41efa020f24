package org.lettermerge.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Daylight-saving days: New York springs forward on 2027-03-14 (02:00 EST → 03:00 EDT) and falls back on 2026-11-01
 * (02:00 EDT → 01:00 EST); Berlin on 2027-03-28 (02:00 CET → 03:00 CEST) and 2026-10-25 (03:00 CEST → 02:00 CET).
 * A window must neither open twice (a letter sent twice) nor be lost (a day skipped).
 */
class SendWindowDaylightSavingTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The open stretches [from, to) seen by walking the window minute by minute from {@code from} for a day. */
    private static List<Instant[]> openStretches(SendWindow window, ZoneId zone, Instant from) {
        List<Instant[]> stretches = new ArrayList<>();
        Instant openedAt = null;
        for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(1))); t = t.plus(Duration.ofMinutes(1))) {
            boolean open = window.isOpen(t, zone);
            if (open && openedAt == null) {
                openedAt = t;
            } else if (!open && openedAt != null) {
                stretches.add(new Instant[] {openedAt, t});
                openedAt = null;
            }
        }
        return stretches;
    }

    @ParameterizedTest(name = "{0} in {1} from {2}")
    @CsvSource({
        "daily 01:30-02:30, America/New_York, 2027-03-14T04:00:00Z, 2027-03-14T06:30:00Z, 2027-03-14T07:00:00Z",
        "daily 02:15-04:00, America/New_York, 2027-03-14T04:00:00Z, 2027-03-14T07:00:00Z, 2027-03-14T08:00:00Z",
        "daily 01:30-02:30, America/New_York, 2026-11-01T03:00:00Z, 2026-11-01T05:30:00Z, 2026-11-01T07:30:00Z",
        "daily 01:00-01:30, America/New_York, 2026-11-01T03:00:00Z, 2026-11-01T05:00:00Z, 2026-11-01T05:30:00Z",
        "daily 02:30-03:30, Europe/Berlin, 2027-03-27T22:00:00Z, 2027-03-28T01:00:00Z, 2027-03-28T01:30:00Z",
        "daily 02:00-03:00, Europe/Berlin, 2026-10-24T22:00:00Z, 2026-10-25T00:00:00Z, 2026-10-25T02:00:00Z",
        "daily 02:15-02:45, Europe/Berlin, 2026-10-24T22:00:00Z, 2026-10-25T00:15:00Z, 2026-10-25T00:45:00Z"})
    void on_a_change_day_the_window_opens_exactly_once(String text, ZoneId zone, Instant dayStart,
            Instant opens, Instant closes) {
        List<Instant[]> stretches = openStretches(SendWindow.parse(text), zone, dayStart);

        assertThat(stretches).hasSize(1);
        assertThat(stretches.get(0)).containsExactly(opens, closes);
    }

    @Test
    void a_window_starting_inside_the_skipped_hour_opens_at_the_first_instant_after_the_gap() {
        SendWindow window = SendWindow.parse("daily 02:15-04:00");
        Instant gap = Instant.parse("2027-03-14T07:00:00Z"); // 03:00 EDT, the first valid instant after 01:59:59 EST

        assertThat(window.isOpen(gap.minusNanos(1), NEW_YORK)).isFalse();
        assertThat(window.nextOpen(gap.minus(Duration.ofHours(2)), NEW_YORK)).isEqualTo(gap);
        assertThat(window.isOpen(gap, NEW_YORK)).isTrue();
    }

    @Test
    void a_window_lying_wholly_inside_the_skipped_hour_opens_the_next_day() {
        SendWindow window = SendWindow.parse("daily 02:10-02:50");

        assertThat(openStretches(window, NEW_YORK, Instant.parse("2027-03-14T05:00:00Z"))).isEmpty();
        assertThat(window.nextOpen(Instant.parse("2027-03-14T05:00:00Z"), NEW_YORK))
                .isEqualTo(Instant.parse("2027-03-15T06:10:00Z"));
    }

    @Test
    void in_the_repeated_hour_a_window_already_used_waits_for_the_next_day() {
        // 06:10Z is 01:10 EST, the second time the clock shows 01:10; the window opened at 01:00 EDT.
        SendWindow window = SendWindow.parse("daily 01:00-01:30");
        Instant repeat = Instant.parse("2026-11-01T06:10:00Z");

        assertThat(window.isOpen(repeat, NEW_YORK)).isFalse();
        assertThat(window.nextOpen(repeat, NEW_YORK)).isEqualTo(Instant.parse("2026-11-02T06:00:00Z"));
    }

    @ParameterizedTest(name = "office hours: Friday {0} → Monday {1}")
    @CsvSource({
        "2027-03-12T22:00:00Z, 2027-03-15T13:00:00Z", // EST Friday 17:00 → EDT Monday 09:00
        "2026-10-30T21:00:00Z, 2026-11-02T14:00:00Z"}) // EDT Friday 17:00 → EST Monday 09:00
    void office_hours_across_a_change_weekend_open_at_nine_on_the_new_clock(Instant fridayClose, Instant monday) {
        SendWindow window = SendWindow.parse("Mon-Fri 09:00-17:00");

        assertThat(window.isOpen(fridayClose.minusNanos(1), NEW_YORK)).isTrue();
        assertThat(window.isOpen(fridayClose, NEW_YORK)).isFalse();
        assertThat(window.nextOpen(fridayClose, NEW_YORK)).isEqualTo(monday);
    }

    @ParameterizedTest(name = "{0} in {1} around {2}")
    @CsvSource({
        "daily 01:30-02:30, America/New_York, 2027-03-13T12:00:00Z",
        "daily 01:30-02:30, America/New_York, 2026-10-31T12:00:00Z",
        "daily 02:15-04:00, America/New_York, 2027-03-13T12:00:00Z",
        "daily 00:30-01:30, America/New_York, 2026-10-31T12:00:00Z",
        "Mon-Fri 09:00-17:00, America/New_York, 2027-03-11T12:00:00Z",
        "Mon-Fri 09:00-17:00, America/New_York, 2026-10-29T12:00:00Z",
        "daily 02:00-03:00, Europe/Berlin, 2026-10-24T12:00:00Z",
        "daily 02:00-03:00, Europe/Berlin, 2027-03-27T12:00:00Z",
        "Sun 00:00-24:00, Europe/Berlin, 2027-03-27T12:00:00Z"})
    void next_open_never_goes_back_in_time_and_agrees_with_is_open(String text, ZoneId zone, Instant from) {
        SendWindow window = SendWindow.parse(text);
        Duration step = Duration.ofMinutes(5);
        for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(4))); t = t.plus(step)) {
            Instant next = window.nextOpen(t, zone);

            assertThat(next).as("nextOpen(%s)", t).isAfterOrEqualTo(t);
            assertThat(window.isOpen(next, zone)).as("isOpen(nextOpen(%s))", t).isTrue();
            assertThat(next.equals(t)).as("open at %s", t).isEqualTo(window.isOpen(t, zone));
            if (next.isAfter(t.plus(step))) {
                // Still closed a step later, and still waiting for the same opening.
                assertThat(window.isOpen(t.plus(step), zone)).isFalse();
                assertThat(window.nextOpen(t.plus(step), zone)).isEqualTo(next);
            }
            if (next.isAfter(t)) {
                assertThat(window.isOpen(next.minusNanos(1), zone)).as("open just before %s", next).isFalse();
            }
        }
    }
}
