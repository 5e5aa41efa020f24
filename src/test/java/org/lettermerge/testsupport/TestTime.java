package org.lettermerge.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import org.lettermerge.schedule.Sleeper;
import org.lettermerge.schedule.StopSignal;

/**
 * A clock that only moves when told, and a {@link Sleeper} that moves it instead of waiting: scheduler tests run
 * days of a schedule in milliseconds. Readable from any thread (the scheduler and the test share it).
 *
 * <p>The sleeper also guards the test against a scheduler that never settles: it ends the run (through the
 * {@link StopSignal}) once {@code done} holds or the clock passes {@code until}, and fails the test when the
 * scheduler asks to sleep for nothing again and again, which would be a busy loop in production.
 */
public final class TestTime extends Clock {

    private static final int MAX_ZERO_SLEEPS_IN_A_ROW = 1_000;

    private volatile Instant now;
    private int zeroSleepsInARow;

    private TestTime(Instant start) {
        this.now = start;
    }

    public static TestTime at(String isoInstant) {
        return new TestTime(Instant.parse(isoInstant));
    }

    public static TestTime at(Instant start) {
        return new TestTime(start);
    }

    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new AssertionError("the scheduler asked to sleep a negative time: " + duration);
        }
        now = now.plus(duration);
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    /** A sleeper that moves this clock and stops the run when {@code done} holds or the clock is past {@code until}. */
    public Sleeper sleeperUntil(StopSignal stop, BooleanSupplier done, Instant until) {
        return duration -> {
            synchronized (this) {
                zeroSleepsInARow = duration.isZero() ? zeroSleepsInARow + 1 : 0;
                if (zeroSleepsInARow > MAX_ZERO_SLEEPS_IN_A_ROW) {
                    throw new AssertionError("the scheduler slept for zero time " + MAX_ZERO_SLEEPS_IN_A_ROW
                            + " times in a row at " + now + ": it would spin without waiting");
                }
            }
            advance(duration);
            if (done.getAsBoolean() || now.isAfter(until)) {
                stop.request();
            }
        };
    }

    /** A sleeper that only moves the clock (for runs that end by themselves: ONCE, UNTIL_IDLE, Controls). */
    public Sleeper sleeper() {
        return this::advance;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a TestTime is shared; it has one zone, UTC");
    }
}
