package org.lettermerge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaceTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final AccountLimits THIRTY_PER_MINUTE = new AccountLimits(Rate.parse("30/min"), 0);

    @Test
    void the_first_message_of_an_account_may_start_now() {
        assertThat(Pace.nextSlot(THIRTY_PER_MINUTE, NOW, null, List.of())).isEqualTo(NOW);
    }

    @Test
    void the_next_message_waits_one_interval_after_the_last_one() {
        Instant last = NOW.minusMillis(500);

        assertThat(Pace.nextSlot(THIRTY_PER_MINUTE, NOW, last, List.of(last))).isEqualTo(last.plusSeconds(2));
    }

    @Test
    void a_sender_that_comes_back_late_may_start_at_once_but_never_earlier_than_now() {
        Instant last = NOW.minusSeconds(3600);

        assertThat(Pace.nextSlot(THIRTY_PER_MINUTE, NOW, last, List.of(last))).isEqualTo(NOW);
    }

    @Test
    void unlimited_means_now_whatever_was_sent() {
        List<Instant> burst = List.of(NOW.minusNanos(2), NOW.minusNanos(1), NOW);

        assertThat(Pace.nextSlot(AccountLimits.NONE, NOW, NOW, burst)).isEqualTo(NOW);
    }

    @Test
    void when_the_cap_is_reached_the_next_slot_is_when_the_oldest_send_in_the_window_turns_24_hours_old() {
        AccountLimits limits = new AccountLimits(Rate.UNLIMITED, 3);
        List<Instant> sent = List.of(
                NOW.minus(Duration.ofHours(30)), NOW.minus(Duration.ofHours(20)),
                NOW.minus(Duration.ofHours(10)), NOW.minus(Duration.ofHours(1)));

        assertThat(Pace.nextSlot(limits, NOW, sent.get(3), sent)).isEqualTo(NOW.plus(Duration.ofHours(4)));
    }

    @Test
    void a_window_already_over_the_cap_waits_until_enough_sends_have_aged_out_for_one_more() {
        // A cap lowered between runs (e.g. a preset changed) can leave more sends in the window than it allows.
        AccountLimits limits = new AccountLimits(Rate.UNLIMITED, 2);
        List<Instant> sent = List.of(
                NOW.minus(Duration.ofHours(23)), NOW.minus(Duration.ofHours(22)), NOW.minus(Duration.ofHours(21)));

        assertThat(Pace.nextSlot(limits, NOW, sent.get(2), sent)).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void a_send_stops_counting_the_instant_it_is_24_hours_old() {
        AccountLimits limits = new AccountLimits(Rate.UNLIMITED, 1);

        assertThat(Pace.nextSlot(limits, NOW, null, List.of(NOW.minus(Duration.ofHours(24))))).isEqualTo(NOW);
        assertThat(Pace.nextSlot(limits, NOW, null, List.of(NOW.minus(Duration.ofHours(24)).plusNanos(1))))
                .isEqualTo(NOW.plusNanos(1));
    }

    @Test
    void below_the_cap_only_the_spacing_counts() {
        AccountLimits limits = new AccountLimits(Rate.parse("1/min"), 3);
        List<Instant> sent = List.of(NOW.minusSeconds(200), NOW.minusSeconds(10));

        assertThat(Pace.nextSlot(limits, NOW, sent.get(1), sent)).isEqualTo(NOW.plusSeconds(50));
    }

    @Test
    void sends_out_of_order_are_refused_because_the_window_count_would_be_wrong() {
        AccountLimits limits = new AccountLimits(Rate.UNLIMITED, 10);

        assertThatThrownBy(() -> Pace.nextSlot(limits, NOW, null, List.of(NOW, NOW.minusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sorted oldest first");
    }

    @ParameterizedTest(name = "{0} letters with {1}, {2}/day: {3} days")
    @CsvSource({
        "0, 30/min, 2000, 0", "1, 30/min, 2000, 1", "2000, 30/min, 2000, 1", "2001, 30/min, 2000, 2",
        "4500, 30/min, 2000, 3", "10000, 30/min, 10000, 1", "50000, 30/min, 10000, 5", "1000, 20/min, 500, 2",
        "2000, 1/min, 0, 2", "1440, 1/min, 0, 1", "1441, 1/min, 0, 2", "1000000, unlimited, 0, 1",
        "601, unlimited, 200, 4"})
    void days_needed_counts_the_24_hour_periods_from_the_first_send_to_the_last(
            int letters, String rate, int cap, int days) {
        assertThat(Pace.daysNeeded(new AccountLimits(Rate.parse(rate), cap), letters)).isEqualTo(days);
    }
}
