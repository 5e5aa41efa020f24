package org.lettermerge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Long runs on a simulated clock: every letter goes out exactly at the slot Pace gives it; nothing waits for real. */
class PaceSimulationTest {

    private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");

    /**
     * Sends until {@code until} or {@code letters} letters. After each send the loop takes a little (seeded, random)
     * time before asking for the next slot, as a real loop rendering the next letter would.
     */
    private static List<Instant> run(AccountLimits limits, int letters, Instant until) {
        Random random = new Random(42);
        long workNanos = Math.max(1, limits.rate().interval().toNanos() / 2);
        List<Instant> sent = new ArrayList<>();
        int oldest = 0;
        Instant now = START;
        while (sent.size() < letters) {
            while (oldest < sent.size() && !sent.get(oldest).isAfter(now.minus(Pace.DAY))) {
                oldest++;
            }
            Instant last = sent.isEmpty() ? null : sent.get(sent.size() - 1);
            Instant slot = Pace.nextSlot(limits, now, last, sent.subList(oldest, sent.size()));
            assertThat(slot).isAfterOrEqualTo(now);
            if (!slot.isBefore(until)) {
                break;
            }
            sent.add(slot);
            now = slot.plusNanos((long) (random.nextDouble() * workNanos));
        }
        return sent;
    }

    /** The most sends in any half-open window [s, s + length) starting at a send (the worst windows start there). */
    private static int busiestWindow(List<Instant> sent, Duration length) {
        int most = 0;
        int end = 0;
        for (int start = 0; start < sent.size(); start++) {
            Instant limit = sent.get(start).plus(length);
            while (end < sent.size() && sent.get(end).isBefore(limit)) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }

    @ParameterizedTest(name = "{0}/min")
    @ValueSource(ints = {1, 7, 30, 60, 600})
    void over_three_hours_no_minute_holds_more_than_the_rate_and_the_average_is_the_rate(int perMinute) {
        AccountLimits limits = new AccountLimits(new Rate(perMinute, Duration.ofMinutes(1)), 0);
        Duration hours3 = Duration.ofHours(3);

        List<Instant> sent = run(limits, Integer.MAX_VALUE, START.plus(hours3));

        assertThat(busiestWindow(sent, Duration.ofMinutes(1))).isLessThanOrEqualTo(perMinute);
        double average = sent.size() / (double) hours3.toMinutes();
        assertThat(average).isCloseTo(perMinute, withinPercentage(2));
    }

    @ParameterizedTest(name = "{0} at most {1} a day")
    @CsvSource({"1/s, 200", "30/min, 2000", "unlimited, 50"})
    void the_daily_cap_holds_in_every_rolling_day_and_the_rest_goes_out_as_the_window_frees_up(
            String rate, int cap) {
        AccountLimits limits = new AccountLimits(Rate.parse(rate), cap);
        int letters = cap * 2 + cap / 2;

        List<Instant> sent = run(limits, letters, Instant.MAX);

        assertThat(sent).hasSize(letters);
        assertThat(busiestWindow(sent, Pace.DAY)).isEqualTo(cap);
        // The letter after each full day's batch leaves the moment the batch's first letter is 24 hours old.
        assertThat(sent.get(cap)).isEqualTo(sent.get(0).plus(Pace.DAY));
        assertThat(sent.get(2 * cap)).isEqualTo(sent.get(cap).plus(Pace.DAY));
        assertThat(Pace.daysNeeded(limits, letters)).isEqualTo(daysSpanned(sent));
    }

    @ParameterizedTest(name = "{0} letters at {1}, {2}/day")
    @CsvSource({"3000, 1/min, 1000", "3000, 1/min, 2000", "1441, 1/min, 0", "250, 2/h, 40", "700, 1/s, 200"})
    void days_needed_agrees_with_a_simulated_run(int letters, String rate, int cap) {
        AccountLimits limits = new AccountLimits(Rate.parse(rate), cap);

        List<Instant> sent = run(limits, letters, Instant.MAX);

        assertThat(sent).hasSize(letters);
        assertThat(Pace.daysNeeded(limits, letters)).isEqualTo(daysSpanned(sent));
    }

    private static int daysSpanned(List<Instant> sent) {
        Duration span = Duration.between(sent.get(0), sent.get(sent.size() - 1));
        return Math.toIntExact(span.dividedBy(Pace.DAY) + 1);
    }
}
