package org.lettermerge.schedule;

import java.util.Objects;

/**
 * What one SMTP account may send: a pace, and how many messages in any rolling 24 hours.
 *
 * @param rate     the spacing between messages ({@link Rate#UNLIMITED} for none)
 * @param dailyCap the most messages in any 24-hour window; 0 means no cap
 */
public record AccountLimits(Rate rate, int dailyCap) {

    public static final AccountLimits NONE = new AccountLimits(Rate.UNLIMITED, 0);

    public AccountLimits {
        Objects.requireNonNull(rate, "rate");
        if (dailyCap < 0) {
            throw new IllegalArgumentException("a daily cap cannot be negative (0 means none), got " + dailyCap);
        }
    }

    public boolean hasDailyCap() {
        return dailyCap > 0;
    }

    /** The same cap at a slower pace, for after a throttling reply. */
    public AccountLimits tightened() {
        return new AccountLimits(rate.tightened(), dailyCap);
    }
}
