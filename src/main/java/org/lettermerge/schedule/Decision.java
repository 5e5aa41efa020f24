package org.lettermerge.schedule;

import java.time.Instant;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.PauseKind;
import org.lettermerge.store.StoredRecipient;

/** What happens next, as {@link NextStep} decides it from plain facts; the scheduler's workers only carry it out. */
public sealed interface Decision {

    /** Send this letter now. */
    record Send(CampaignRecord campaign, StoredRecipient letter) implements Decision {}

    /**
     * Stop sending the campaign, for {@code reason}; it resumes by itself at {@code resumeAt} if that is set.
     * {@code tightenPace}: the server said we send too fast, so its account's pace is halved as well.
     */
    record Pause(CampaignRecord campaign, PauseKind kind, String reason, Instant resumeAt, boolean tightenPace)
            implements Decision {

        Pause(CampaignRecord campaign, PauseKind kind, String reason) {
            this(campaign, kind, reason, null, false);
        }
    }

    /** A pause that ends by itself is over. */
    record Resume(CampaignRecord campaign, String why) implements Decision {}

    /**
     * Nothing can go now. {@code until}: the earliest moment something can (null: nothing is pending at all).
     * {@code pacing}: only the account's spacing holds the next letter back — a wait of seconds within a run, so
     * even a run that sends only what it can now waits for it; a daily cap, a window or a retry time ends such a run.
     */
    record Wait(Instant until, boolean pacing) implements Decision {}
}
