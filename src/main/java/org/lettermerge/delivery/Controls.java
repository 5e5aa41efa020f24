package org.lettermerge.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.lettermerge.schedule.Sleeper;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.PauseKind;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * The organizer's controls over a campaign. "Stop means stop": pause and cancel commit the new state — from then
 * on no claim for the campaign succeeds, in any process — and then wait for the letters already claimed to be
 * settled, so that when they return no SMTP transaction of the campaign is still running or about to begin.
 */
public final class Controls {

    /** Whether every letter in flight was settled before the wait ran out. */
    public record Stopped(boolean changed, boolean inFlightSettled) {}

    private final DeliveryLog log;
    private final Clock clock;
    private final Sleeper sleeper;

    public Controls(DeliveryLog log, Clock clock, Sleeper sleeper) {
        this.log = log;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public Stopped pause(CampaignRecord campaign, Duration wait) throws InterruptedException {
        boolean changed = log.control().pause(campaign, PauseKind.MANUAL, "paused by the organizer", null);
        return new Stopped(changed, awaitInFlight(campaign, wait));
    }

    public Stopped cancel(CampaignRecord campaign, Duration wait) throws InterruptedException {
        boolean changed = log.control().cancel(campaign);
        return new Stopped(changed, awaitInFlight(campaign, wait));
    }

    /**
     * Resumes a paused campaign. One paused because its start was missed starts now (otherwise the next run would
     * find the start still missed).
     */
    public boolean resume(CampaignRecord campaign) {
        if (campaign.state() != CampaignState.PAUSED) {
            return false;
        }
        if (campaign.pauseKind() == PauseKind.MISSED) {
            log.control().schedule(campaign, clock.instant(), campaign.account(), campaign.overrides());
        }
        return log.control().resume(campaign, "resumed by the organizer");
    }

    /** How the organizer settles an UNKNOWN letter. */
    public enum Resolution { ACCEPTED, FAILED, RESEND }

    /** Returns false when the row is not UNKNOWN (only an unknown outcome needs a person's decision). */
    public boolean resolve(CampaignRecord campaign, StoredRecipient row, Resolution as) {
        State to = switch (as) {
            case ACCEPTED -> State.ACCEPTED;
            case FAILED -> State.FAILED;
            case RESEND -> State.QUEUED;
        };
        String note = switch (as) {
            case ACCEPTED -> "the organizer confirmed the letter arrived";
            case FAILED -> "the organizer gave up on this letter";
            case RESEND -> "the organizer asked to send it again, with the same Message-ID " + row.messageId();
        };
        return log.resolve(campaign, row, to, note);
    }

    private boolean awaitInFlight(CampaignRecord campaign, Duration wait) throws InterruptedException {
        Instant deadline = clock.instant().plus(wait);
        while (log.control().sending(campaign) > 0) {
            if (!clock.instant().isBefore(deadline)) {
                return false;
            }
            sleeper.sleep(Duration.ofMillis(100));
        }
        return true;
    }
}
