package org.lettermerge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTimeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2026-12-07 09:00 America/New_York, 2026-12-07T14:00:00Z",
        "2026-12-07 09:00, 2026-12-07T08:00:00Z",
        "2026-07-07 09:00, 2026-07-07T07:00:00Z",
        "2026-12-07T09:00:00Z, 2026-12-07T09:00:00Z",
        "2026-12-07T09:00-05:00, 2026-12-07T14:00:00Z",
        "2026-12-07 09:00:30 Asia/Kolkata, 2026-12-07T03:30:30Z",
        "' 2026-12-07T09:00 UTC ', 2026-12-07T09:00:00Z",
        "2026-11-01 01:30-05:00 America/New_York, 2026-11-01T06:30:00Z"})
    void the_documented_forms_parse_to_the_instant_they_mean(String text, Instant expected) {
        assertThat(ScheduleTime.parse(text, BERLIN)).isEqualTo(expected);
    }

    @Test
    void a_time_without_zone_or_offset_is_read_in_the_default_zone() {
        assertThat(ScheduleTime.parse("2026-12-07 09:00", ZoneId.of("Asia/Tokyo")))
                .isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
    }

    @Test
    void a_time_skipped_by_the_clocks_going_forward_is_refused_and_the_offset_suggested() {
        assertThatThrownBy(() -> ScheduleTime.parse("2027-03-14 02:30 America/New_York", BERLIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2027-03-14T02:30 does not exist in America/New_York")
                .hasMessageContaining("from 2027-03-14T02:00 to 2027-03-14T03:00")
                .hasMessageContaining("add the offset")
                .hasMessageContaining("2027-03-14T02:30-05:00");
    }

    @Test
    void a_time_the_clocks_show_twice_is_refused_and_both_offsets_offered() {
        assertThatThrownBy(() -> ScheduleTime.parse("2026-11-01 01:30 America/New_York", BERLIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-11-01T01:30 happens twice in America/New_York")
                .hasMessageContaining("Add the offset")
                .hasMessageContaining("2026-11-01T01:30-04:00 for the first")
                .hasMessageContaining("2026-11-01T01:30-05:00 for the second");
    }

    @Test
    void an_ambiguous_time_in_the_default_zone_is_refused_too() {
        assertThatThrownBy(() -> ScheduleTime.parse("2026-10-25 02:30", BERLIN))
                .hasMessageContaining("happens twice in Europe/Berlin");
    }

    @Test
    void each_suggested_offset_parses_to_a_different_instant_an_hour_apart() {
        Instant first = ScheduleTime.parse("2026-11-01T01:30-04:00", BERLIN);
        Instant second = ScheduleTime.parse("2026-11-01T01:30-05:00", BERLIN);

        assertThat(second).isEqualTo(first.plusSeconds(3600));
    }

    @Test
    void an_unknown_zone_is_refused_by_name() {
        assertThatThrownBy(() -> ScheduleTime.parse("2026-12-07 09:00 Europe/Atlantis", BERLIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown time zone 'Europe/Atlantis'");
    }

    @Test
    void an_offset_that_contradicts_the_zone_is_refused() {
        assertThatThrownBy(() -> ScheduleTime.parse("2026-12-07 09:00-04:00 America/New_York", BERLIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("America/New_York is not at -04:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2026-12-07", "09:00", "07/12/2026 09:00", "2026-12-07 9:00", ""})
    void anything_else_is_refused_with_the_forms_and_the_default_zone(String text) {
        assertThatThrownBy(() -> ScheduleTime.parse(text, BERLIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a date and time")
                .hasMessageContaining("'2026-12-07 09:00 America/New_York'")
                .hasMessageContaining("(in Europe/Berlin)");
    }

    @Test
    void a_date_that_is_not_in_the_calendar_is_refused() {
        assertThatThrownBy(() -> ScheduleTime.parse("2026-02-30 09:00", BERLIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a real date and time");
        assertThatThrownBy(() -> ScheduleTime.parse("2026-12-07T25:00Z", BERLIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a real date and time");
        assertThatThrownBy(() -> ScheduleTime.parse("2026-12-07T09:00+19:00", BERLIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a real date and time");
    }
}
