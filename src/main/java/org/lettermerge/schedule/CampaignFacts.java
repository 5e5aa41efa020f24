package org.lettermerge.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.lettermerge.store.StoredRecipient;

/**
 * What {@link NextStep} needs to know about one campaign that its record does not say. Asked in this order and
 * only as far as the decision needs (reading a campaign's files costs a whole preflight; most campaigns are
 * decided by their record alone); in tests, plain values.
 */
public interface CampaignFacts {

    /** Whether it has letters due now, or deferred ones to retry later. */
    boolean lettersLeft();

    /** Why its letters can no longer be made as they were queued (its files changed), or null. */
    String loadProblem();

    /** How late a scheduled start may be taken up without asking the organizer. */
    Duration missedGrace();

    /** Whether any of its letters was ever attempted: a campaign under way is never a missed start. */
    boolean everAttempted();

    /** The first due letter whose recipient's send window is open, else when one can go. */
    Due due();

    /** When the account's budget (its rate, its daily cap) lets the next letter start. */
    AccountSlot slot();

    /** Exactly one is set, or neither (nothing due, nothing to retry). */
    record Due(StoredRecipient letter, Instant wakeAt) {

        /** With no letter open now, a deferred letter's retry time may come before any window opens. */
        Due orRetryAt(Optional<Instant> retry, Instant now) {
            if (letter != null || retry.isEmpty() || !retry.get().isAfter(now)) {
                return this;
            }
            return new Due(null, wakeAt == null || retry.get().isBefore(wakeAt) ? retry.get() : wakeAt);
        }
    }
}
