package org.lettermerge.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.lettermerge.smtp.SendOutcome;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.PauseKind;
import org.lettermerge.store.State;

/**
 * The scheduler's decisions, without I/O: from the campaigns' records, what is known of each (its
 * {@link CampaignFacts}), the clock and the last outcome, what happens next. The scheduler gathers the facts and
 * carries out the decisions; everything it decides is decided here.
 */
public final class NextStep {

    private NextStep() {}

    /**
     * What to do next over all campaigns, in their order: the first thing to do now (resume a campaign whose pause
     * is over, pause one that cannot go on, send a letter), otherwise how long to wait.
     */
    public static Decision next(List<CampaignRecord> campaigns, Function<CampaignRecord, CampaignFacts> facts,
                                Instant now) {
        Instant wake = null;
        boolean pacing = false;
        for (CampaignRecord campaign : campaigns) {
            if (campaign.state() == CampaignState.CANCELLED) {
                continue;
            }
            if (campaign.state() == CampaignState.PAUSED) {
                if (campaign.pauseKind().resumesByItself() && campaign.resumeAt() != null) {
                    if (!campaign.resumeAt().isAfter(now)) {
                        return new Decision.Resume(campaign, "the pause after the server's push-back is over");
                    }
                    if (wake == null || campaign.resumeAt().isBefore(wake)) {
                        wake = campaign.resumeAt();
                        pacing = false;
                    }
                }
                continue;
            }
            if (campaign.scheduledAt() != null && campaign.scheduledAt().isAfter(now)) {
                if (wake == null || campaign.scheduledAt().isBefore(wake)) {
                    wake = campaign.scheduledAt();
                    pacing = false;
                }
                continue;
            }
            CampaignFacts known = facts.apply(campaign);
            if (!known.lettersLeft()) {
                continue;
            }
            String problem = known.loadProblem();
            if (problem != null) {
                return new Decision.Pause(campaign, PauseKind.CHANGED, problem);
            }
            Optional<Decision.Pause> missed = missedStart(campaign, known, now);
            if (missed.isPresent()) {
                return missed.get();
            }
            CampaignFacts.Due due = known.due();
            Instant at = due.wakeAt();
            boolean paced = false;
            if (due.letter() != null) {
                AccountSlot slot = known.slot();
                if (!slot.at().isAfter(now)) {
                    return new Decision.Send(campaign, due.letter());
                }
                at = slot.at();
                // The rate's spacing is a wait within the run; the daily cap's can be a day.
                paced = !slot.capped();
            }
            if (at != null && (wake == null || at.isBefore(wake))) {
                wake = at;
                pacing = paced;
            }
        }
        return new Decision.Wait(wake, pacing);
    }

    /**
     * A scheduled start missed by more than the grace period while nothing was running is not sent late by itself:
     * a letter meant for Monday 9:00 should not arrive on Tuesday night unannounced.
     */
    static Optional<Decision.Pause> missedStart(CampaignRecord campaign, CampaignFacts known, Instant now) {
        Instant at = campaign.scheduledAt();
        if (at == null) {
            return Optional.empty();
        }
        Duration grace = known.missedGrace();
        if (!now.isAfter(at.plus(grace)) || known.everAttempted()) {
            return Optional.empty();
        }
        return Optional.of(new Decision.Pause(campaign, PauseKind.MISSED, "its start (" + at + ") passed more than "
                + grace.toMinutes() + " minutes ago while nothing was running; run `lettermerge resume` to send it now"));
    }

    /**
     * What one letter's outcome means for its campaign: a reply about us (a login refused, throttling) pauses it;
     * so does the error budget, once {@code failuresInRow} permanent failures in a row reach it (0: no budget) —
     * unless nothing is left to send ({@code lettersLeft}, asked only then), when the campaign simply finishes
     * with its failures on show.
     */
    public static Optional<Decision.Pause> afterLetter(CampaignRecord campaign, State outcome,
                                                       SendOutcome.ServerRefused refused, int failuresInRow,
                                                       int errorBudget, BooleanSupplier lettersLeft, Instant now) {
        if (refused != null) {
            PushBack push = PushBack.of(refused, now);
            return Optional.of(new Decision.Pause(campaign, push.kind(), push.reason(), push.resumeAt(),
                    push.tightenPace()));
        }
        if (outcome == State.FAILED && errorBudget > 0 && failuresInRow >= errorBudget && lettersLeft.getAsBoolean()) {
            return Optional.of(new Decision.Pause(campaign, PauseKind.ERROR_BUDGET, failuresInRow + " letters in a row "
                    + "failed permanently: check the addresses and the server's replies (status --state failed), then "
                    + "run `lettermerge resume`"));
        }
        return Optional.empty();
    }

    /** A server that cannot be reached, or refuses us before any letter: the campaign waits, for a while or for the organizer. */
    public static Decision.Pause unreachable(CampaignRecord campaign, ServerUnavailableException e, Instant now) {
        PushBack push = PushBack.of(e, now);
        return new Decision.Pause(campaign, push.kind(), push.reason(), push.resumeAt(), false);
    }
}
