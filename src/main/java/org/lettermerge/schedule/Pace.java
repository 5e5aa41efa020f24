package org.lettermerge.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When the next message of one SMTP account may start. Pure: the caller says what was sent and what time it is.
 *
 * <p>Messages are spaced evenly, {@link Rate#interval()} apart, rather than sent in bursts up to a per-minute
 * budget: providers count in sliding windows, and even spacing is the only schedule that satisfies every window.
 */
public final class Pace {

    static final Duration DAY = Duration.ofHours(24);

    private Pace() {}

    /**
     * The earliest instant at or after {@code now} at which
     * (a) at least {@code limits.rate().interval()} has passed since {@code lastSlot}, and
     * (b) fewer than {@code dailyCap} sends lie in the rolling 24 hours ending at that instant.
     *
     * <p>A send at {@code s} counts against the window ending at {@code t} while {@code t - 24h < s}: it stops counting
     * the moment it is 24 hours old, and that is the answer when the cap is reached.
     *
     * @param lastSlot      the start of the previous message of this account, or null if there was none
     * @param sentInLast24h the starts of this account's sends, sorted ascending (older ones are ignored; the caller
     *                      includes {@code lastSlot} here once that message has been sent)
     */
    public static Instant nextSlot(AccountLimits limits, Instant now, Instant lastSlot, List<Instant> sentInLast24h) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(sentInLast24h, "sentInLast24h");
        Instant slot = now;
        if (lastSlot != null) {
            Instant spaced = lastSlot.plus(limits.rate().interval());
            if (spaced.isAfter(slot)) {
                slot = spaced;
            }
        }
        if (!limits.hasDailyCap()) {
            return slot;
        }
        requireSorted(sentInLast24h);
        int firstInWindow = firstAfter(sentInLast24h, slot.minus(DAY));
        int inWindow = sentInLast24h.size() - firstInWindow;
        if (inWindow < limits.dailyCap()) {
            return slot;
        }
        // Wait until enough sends have aged out that one more fits: the (inWindow - cap)-th after the oldest.
        // Later slots only help spacing, so (a) still holds.
        return sentInLast24h.get(firstInWindow + inWindow - limits.dailyCap()).plus(DAY);
    }

    /**
     * How many days (24-hour periods from the first send) a campaign of {@code letters} takes at these limits, if
     * every message goes out at its {@link #nextSlot}: 1 for anything that fits in one day, 0 for no letters.
     */
    public static int daysNeeded(AccountLimits limits, int letters) {
        Objects.requireNonNull(limits, "limits");
        if (letters <= 0) {
            return 0;
        }
        long last = letters - 1L;
        Duration interval = limits.rate().interval();
        int cap = limits.dailyCap();
        Duration lastStart;
        if (cap > 0 && interval.multipliedBy(cap).compareTo(DAY) <= 0) {
            // The cap binds: batches of `cap` a day, each starting 24 h after the previous batch started.
            lastStart = DAY.multipliedBy(last / cap).plus(interval.multipliedBy(last % cap));
        } else {
            // The rate alone binds: a full day's worth at this rate never reaches the cap.
            lastStart = interval.multipliedBy(last);
        }
        return Math.toIntExact(lastStart.dividedBy(DAY) + 1);
    }

    private static int firstAfter(List<Instant> sorted, Instant t) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).isAfter(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static void requireSorted(List<Instant> sends) {
        for (int i = 1; i < sends.size(); i++) {
            if (sends.get(i).isBefore(sends.get(i - 1))) {
                throw new IllegalArgumentException("sends must be sorted oldest first; " + sends.get(i)
                        + " follows " + sends.get(i - 1));
            }
        }
    }
}
