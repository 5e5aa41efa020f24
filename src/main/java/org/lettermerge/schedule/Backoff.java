package org.lettermerge.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When to retry a DEFERRED letter, and when to stop trying.
 *
 * <p>In the spirit of Postfix ({@code minimal_backoff_time} 300 s, doubling up to {@code maximal_backoff_time},
 * giving up after {@code maximal_queue_lifetime}): the first retry comes soon, because most 4xx replies
 * (greylisting, a busy server) clear within minutes; later retries back off so a sick server is not hammered.
 * RFC 5321 4.5.4.1 asks for a give-up time of "at least 4-5 days" for a relaying MTA; a mail merge is not a relay,
 * and a letter arriving after three days has usually missed its moment, so our default lifetime is shorter.
 * All three values are configurable.
 *
 * @param first    the wait after the first failed attempt
 * @param max      the longest wait between two attempts
 * @param lifetime how long after the first attempt a letter may still be retried
 */
public record Backoff(Duration first, Duration max, Duration lifetime) {

    /** The reply recorded when {@link #expired} ends a letter as FAILED. */
    public static final String EXPIRED_REPLY = "delivery time expired";

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(lifetime, "lifetime");
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first retry wait must be longer than zero, was " + first);
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "the longest retry wait (" + max + ") must not be shorter than the first (" + first + ")");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("the retry lifetime must be longer than zero, was " + lifetime);
        }
    }

    /** 5 minutes, doubling up to 1 hour, for 3 days. */
    public static Backoff defaults() {
        return new Backoff(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(3));
    }

    /**
     * The wait after {@code attemptsSoFar} failed attempts: {@code first}, then doubled per further attempt, capped at
     * {@code max}. With the defaults: 1 → 5 min, 2 → 10 min, 3 → 20 min, 4 → 40 min, 5 and later → 1 h.
     */
    public Duration delayAfter(int attemptsSoFar) {
        if (attemptsSoFar < 1) {
            throw new IllegalArgumentException("a retry follows at least one attempt, got " + attemptsSoFar);
        }
        Duration delay = first;
        // Doubling step by step (rather than first * 2^(n-1)) cannot overflow: it stops at the cap.
        for (int i = 1; i < attemptsSoFar && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }

    /** The earliest instant of the next attempt, given the number of attempts so far and when the last one was made. */
    public Instant nextAttempt(int attemptsSoFar, Instant lastAttempt) {
        Objects.requireNonNull(lastAttempt, "lastAttempt");
        return lastAttempt.plus(delayAfter(attemptsSoFar));
    }

    /** The instant from which a letter first attempted at {@code firstAttempt} is no longer retried. */
    public Instant giveUpAt(Instant firstAttempt) {
        Objects.requireNonNull(firstAttempt, "firstAttempt");
        return firstAttempt.plus(lifetime);
    }

    /**
     * Whether the lifetime has run out: true from {@code firstAttempt + lifetime} on (inclusive), so a letter is never
     * retried once its lifetime has fully elapsed. The row then ends FAILED with {@link #EXPIRED_REPLY}.
     */
    public boolean expired(Instant firstAttempt, Instant now) {
        Objects.requireNonNull(now, "now");
        return !now.isBefore(giveUpAt(firstAttempt));
    }
}
