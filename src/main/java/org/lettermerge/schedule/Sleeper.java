package org.lettermerge.schedule;

import java.time.Duration;

/** Waiting, injected so that tests move a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Waits up to {@code duration}; may return early (a stop was requested). */
    void sleep(Duration duration) throws InterruptedException;

    /** Real waiting. */
    Sleeper REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    /** Real waiting that a stop request cuts short. */
    static Sleeper interruptibleBy(StopSignal stop) {
        return stop::awaitRequested;
    }
}
