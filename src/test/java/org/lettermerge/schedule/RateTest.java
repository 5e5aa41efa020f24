package org.lettermerge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateTest {

    @ParameterizedTest(name = "{0} is {1} per {2}")
    @CsvSource({
        "30/min, 30, PT1M", "2/s, 2, PT1S", "1/s, 1, PT1S", "500/h, 500, PT1H", "2000/day, 2000, PT24H",
        "' 30 / MIN ', 30, PT1M", "15/2min, 15, PT2M", "10/hour, 10, PT1H", "3/sec, 3, PT1S"})
    void the_documented_forms_parse(String text, int messages, Duration per) {
        assertThat(Rate.parse(text)).isEqualTo(new Rate(messages, per));
    }

    @Test
    void unlimited_parses_to_the_unlimited_rate_which_has_no_spacing() {
        Rate rate = Rate.parse("Unlimited");

        assertThat(rate).isSameAs(Rate.UNLIMITED);
        assertThat(rate.isUnlimited()).isTrue();
        assertThat(rate.interval()).isEqualTo(Duration.ZERO);
        assertThat(Rate.parse("30/min").isUnlimited()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "30/minute/s", "thirty/min", "30/week", "-1/s", "30 per min", "1.5/s"})
    void anything_else_is_refused_with_a_message_listing_the_forms(String text) {
        assertThatThrownBy(() -> Rate.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a sending rate")
                .hasMessageContaining("N/s, N/min, N/h or N/day")
                .hasMessageContaining("unlimited");
    }

    @Test
    void a_rate_of_zero_is_refused_because_it_would_send_nothing() {
        assertThatThrownBy(() -> Rate.parse("0/min")).hasMessageContaining("would send nothing");
        assertThatThrownBy(() -> Rate.parse("5/0min")).hasMessageContaining("would send nothing");
        assertThatThrownBy(() -> new Rate(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} spaces messages {1} apart")
    @CsvSource({"30/min, PT2S", "2/s, PT0.5S", "500/h, PT7.2S", "2000/day, PT43.2S", "1/s, PT1S"})
    void the_interval_is_the_period_divided_by_the_count(String text, Duration interval) {
        assertThat(Rate.parse(text).interval()).isEqualTo(interval);
    }

    @Test
    void an_interval_that_does_not_divide_evenly_is_rounded_up_so_a_period_never_holds_one_message_too_many() {
        Rate rate = Rate.parse("7/min");

        assertThat(rate.interval()).isEqualTo(Duration.ofNanos(8_571_428_572L));
        assertThat(rate.interval().multipliedBy(7)).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }

    @ParameterizedTest(name = "{0} tightens to {1}")
    @CsvSource({
        "30/min, 15/min", "15/min, 15/2min", "2/s, 1/s", "1/s, 1/2s", "500/h, 250/h",
        "2/min, 1/min", "3/2min, 1/min", "1/min, 1/min", "500/day, 500/day", "unlimited, 1/s"})
    void tightening_halves_the_rate_but_never_below_one_per_minute(String before, String after) {
        assertThat(Rate.parse(before).tightened()).isEqualTo(Rate.parse(after));
    }

    @Test
    void repeated_tightening_settles_at_one_per_minute() {
        Rate rate = Rate.parse("100/s");
        for (int i = 0; i < 40; i++) {
            Rate next = rate.tightened();
            assertThat(next.interval()).isGreaterThanOrEqualTo(rate.interval());
            rate = next;
        }

        assertThat(rate).isEqualTo(new Rate(1, Duration.ofMinutes(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30/min", "2/s", "500/h", "2000/day", "15/2min", "1/2s", "unlimited"})
    void a_rate_prints_in_the_form_it_was_written(String text) {
        assertThat(Rate.parse(text)).hasToString(text);
    }
}
