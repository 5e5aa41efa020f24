package org.lettermerge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SendWindowTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final SendWindow OFFICE_HOURS = SendWindow.parse("Mon-Fri 09:00-17:00");

    @ParameterizedTest(name = "{0} reads back as {1}")
    @CsvSource(delimiter = '|', value = {
        "Mon-Fri 09:00-17:00 | Mon,Tue,Wed,Thu,Fri 09:00-17:00",
        "Mon,Wed 08:30-12:00 | Mon,Wed 08:30-12:00",
        "Sat-Sun 10:00-14:00 | Sat,Sun 10:00-14:00",
        "daily 09:00-17:00 | daily 09:00-17:00",
        "fri-mon 9:00 - 24:00 | Mon,Fri,Sat,Sun 09:00-24:00",
        "Monday,Thursday 07:05-07:06 | Mon,Thu 07:05-07:06",
        "always | always",
        "daily 00:00-24:00 | always"})
    void the_documented_forms_parse(String text, String canonical) {
        SendWindow window = SendWindow.parse(text);

        assertThat(window).hasToString(canonical);
        assertThat(SendWindow.parse(canonical)).isEqualTo(window);
    }

    @Test
    void no_window_is_always_open() {
        assertThat(SendWindow.parse(null)).isSameAs(SendWindow.ALWAYS);
        assertThat(SendWindow.parse("  ")).isSameAs(SendWindow.ALWAYS);
        Instant sundayNight = Instant.parse("2026-12-06T03:00:00Z");
        assertThat(SendWindow.ALWAYS.isOpen(sundayNight, KOLKATA)).isTrue();
        assertThat(SendWindow.ALWAYS.nextOpen(sundayNight, KOLKATA)).isEqualTo(sundayNight);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mon-Fri", "09:00-17:00", "Mon-Fri 9-17", "Mon-Fry 09:00-17:00", "Mon-Wed-Fri 09:00-17:00",
        "Mon, Wed 09:00-17:00", "Mon,,Wed 09:00-17:00", "weekdays 09:00-17:00"})
    void a_malformed_window_is_refused_naming_the_expected_form(String text) {
        assertThatThrownBy(() -> SendWindow.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a send window")
                .hasMessageContaining("'Mon-Fri 09:00-17:00'");
    }

    @Test
    void impossible_times_and_backwards_windows_are_refused_with_the_reason() {
        assertThatThrownBy(() -> SendWindow.parse("daily 25:00-26:00")).hasMessageContaining("25:00 is not a time of day");
        assertThatThrownBy(() -> SendWindow.parse("daily 09:60-17:00")).hasMessageContaining("09:60 is not a time of day");
        assertThatThrownBy(() -> SendWindow.parse("daily 17:00-09:00")).hasMessageContaining("cannot cross midnight");
        assertThatThrownBy(() -> SendWindow.parse("daily 09:00-09:00")).hasMessageContaining("must end after it starts");
        assertThatThrownBy(() -> SendWindow.parse("daily 24:00-24:00")).hasMessageContaining("cannot start at 24:00");
    }

    @Test
    void the_start_is_inclusive_and_the_end_exclusive_in_a_half_hour_offset_zone() {
        // Monday 2026-12-07 in Kolkata (+05:30): 09:00 local is 03:30Z, 17:00 local is 11:30Z.
        Instant opens = Instant.parse("2026-12-07T03:30:00Z");
        Instant closes = Instant.parse("2026-12-07T11:30:00Z");

        assertThat(OFFICE_HOURS.isOpen(opens.minusNanos(1), KOLKATA)).isFalse();
        assertThat(OFFICE_HOURS.nextOpen(opens.minusNanos(1), KOLKATA)).isEqualTo(opens);
        assertThat(OFFICE_HOURS.isOpen(opens, KOLKATA)).isTrue();
        assertThat(OFFICE_HOURS.nextOpen(opens, KOLKATA)).isEqualTo(opens);
        assertThat(OFFICE_HOURS.isOpen(closes.minusNanos(1), KOLKATA)).isTrue();
        assertThat(OFFICE_HOURS.isOpen(closes, KOLKATA)).isFalse();
        assertThat(OFFICE_HOURS.nextOpen(closes, KOLKATA)).isEqualTo(Instant.parse("2026-12-08T03:30:00Z"));
    }

    @Test
    void the_same_instant_is_open_for_one_recipient_and_closed_for_another() {
        Instant t = Instant.parse("2026-12-07T04:00:00Z");

        assertThat(OFFICE_HOURS.isOpen(t, KOLKATA)).isTrue();
        assertThat(OFFICE_HOURS.isOpen(t, UTC)).isFalse();
        assertThat(OFFICE_HOURS.nextOpen(t, UTC)).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
    }

    @Test
    void after_friday_closing_the_next_opening_is_monday_morning() {
        Instant fridayClose = Instant.parse("2026-12-11T17:00:00Z");

        assertThat(OFFICE_HOURS.isOpen(fridayClose, UTC)).isFalse();
        assertThat(OFFICE_HOURS.nextOpen(fridayClose, UTC)).isEqualTo(Instant.parse("2026-12-14T09:00:00Z"));
        assertThat(OFFICE_HOURS.nextOpen(Instant.parse("2026-12-13T23:59:59Z"), UTC))
                .isEqualTo(Instant.parse("2026-12-14T09:00:00Z"));
    }

    @Test
    void a_window_on_chosen_days_skips_the_others() {
        SendWindow window = SendWindow.parse("Mon,Wed 08:30-12:00");
        Instant tuesdayMorning = Instant.parse("2026-12-08T09:00:00Z");

        assertThat(window.isOpen(tuesdayMorning, UTC)).isFalse();
        assertThat(window.nextOpen(tuesdayMorning, UTC)).isEqualTo(Instant.parse("2026-12-09T08:30:00Z"));
    }

    @Test
    void a_weekend_window_from_a_weekday_waits_for_saturday() {
        SendWindow window = SendWindow.parse("Sat-Sun 10:00-14:00");

        assertThat(window.nextOpen(Instant.parse("2026-12-09T12:00:00Z"), UTC))
                .isEqualTo(Instant.parse("2026-12-12T10:00:00Z"));
        assertThat(window.nextOpen(Instant.parse("2026-12-12T14:00:00Z"), UTC))
                .isEqualTo(Instant.parse("2026-12-13T10:00:00Z"));
    }

    @Test
    void a_window_ending_at_midnight_stays_open_until_the_day_ends() {
        SendWindow evenings = SendWindow.parse("Mon 18:00-24:00");

        assertThat(evenings.isOpen(Instant.parse("2026-12-07T23:59:59.999Z"), UTC)).isTrue();
        assertThat(evenings.isOpen(Instant.parse("2026-12-08T00:00:00Z"), UTC)).isFalse();
    }
}
