package org.lettermerge.schedule;

import java.time.Instant;
import org.lettermerge.schedule.AccountLimits;
import org.lettermerge.schedule.Pace;
import org.lettermerge.schedule.Rate;
import org.lettermerge.store.AccountBudgets;

/**
 * When an account's budget lets its next letter start, from what the log recorded of it: the one answer the
 * scheduler acts on and `status` shows, so status never says "now" while the pace or the cap says later.
 *
 * @param capped the daily cap decides (not the rate's spacing): the wait can be hours, and a run that sends
 *               what it can now ends instead
 */
public record AccountSlot(Instant at, boolean capped) {

    /** @param limits the account's limits before any tightening; {@code usage} says how often to halve them */
    static AccountSlot of(AccountLimits limits, AccountBudgets.Usage usage, Instant now) {
        for (int i = 0; i < usage.tightened(); i++) {
            limits = limits.tightened();
        }
        Instant at = Pace.nextSlot(limits, now, usage.lastSlot(), usage.lastDay());
        Instant spacedOnly = Pace.nextSlot(new AccountLimits(limits.rate(), 0), now, usage.lastSlot(), usage.lastDay());
        return new AccountSlot(at, at.isAfter(spacedOnly));
    }

    /** From the limits the log holds for the account (as the last run configured them). */
    public static AccountSlot of(AccountBudgets.Usage usage, Instant now) {
        Rate rate;
        try {
            rate = Rate.parse(usage.rate());
        } catch (IllegalArgumentException e) {
            return new AccountSlot(now, false); // a rate this version cannot read: the scheduler will say
        }
        return of(new AccountLimits(rate, usage.dailyCap()), usage, now);
    }
}
