package org.lettermerge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private static final Instant LAST = Instant.parse("2026-12-07T09:00:00Z");

    @ParameterizedTest(name = "after {0} failed attempts the next comes {1} minutes later")
    @CsvSource({"1, 5", "2, 10", "3, 20", "4, 40", "5, 60", "6, 60", "7, 60", "50, 60", "2147483647, 60"})
    void the_default_schedule_doubles_from_five_minutes_up_to_an_hour(int attempts, long minutes) {
        Instant next = Backoff.defaults().nextAttempt(attempts, LAST);

        assertThat(Duration.between(LAST, next)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void the_defaults_are_five_minutes_one_hour_and_three_days() {
        assertThat(Backoff.defaults())
                .isEqualTo(new Backoff(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(3)));
    }

    @Test
    void a_cap_that_is_not_a_doubling_of_the_first_wait_is_reached_exactly() {
        Backoff backoff = new Backoff(Duration.ofSeconds(300), Duration.ofSeconds(4000), Duration.ofDays(5));

        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(2400));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(4000));
        assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofSeconds(4000));
    }

    @Test
    void a_cap_equal_to_the_first_wait_gives_a_constant_schedule() {
        Backoff backoff = new Backoff(Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofDays(4));

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void a_letter_expires_exactly_when_its_lifetime_has_elapsed_and_not_a_nanosecond_before() {
        Backoff backoff = Backoff.defaults();
        Instant first = Instant.parse("2026-12-07T09:00:00Z");
        Instant end = Instant.parse("2026-12-10T09:00:00Z");

        assertThat(backoff.giveUpAt(first)).isEqualTo(end);
        assertThat(backoff.expired(first, end.minusNanos(1))).isFalse();
        assertThat(backoff.expired(first, end)).isTrue();
        assertThat(backoff.expired(first, end.plusSeconds(1))).isTrue();
        assertThat(backoff.expired(first, first)).isFalse();
    }

    @Test
    void there_is_no_retry_before_a_first_attempt() {
        assertThatThrownBy(() -> Backoff.defaults().nextAttempt(0, LAST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one attempt");
    }

    @Test
    void nonsensical_settings_are_refused_with_the_reason() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(3)))
                .hasMessageContaining("first retry wait must be longer than zero");
        assertThatThrownBy(() -> new Backoff(Duration.ofHours(2), Duration.ofHours(1), Duration.ofDays(3)))
                .hasMessageContaining("must not be shorter than the first");
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(-1)))
                .hasMessageContaining("lifetime must be longer than zero");
    }
}
