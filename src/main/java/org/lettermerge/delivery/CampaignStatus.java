package org.lettermerge.delivery;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.campaign.ScheduleSettings;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.schedule.NextLetter;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.PauseKind;
import org.lettermerge.store.State;

/**
 * Where a campaign stands, as an organizer asks it: scheduled, sending, paused (and why), waiting for a
 * decision, finished or cancelled — derived from its state, its start time and its rows. "Finished" means every
 * recipient is in a final state (accepted, failed, or skipped because its address is suppressed); otherwise
 * {@code detail} says what is left and why.
 *
 * @param next when the next letter can go out, if known
 */
public record CampaignStatus(String state, String detail, Instant next) {

    /**
     * With the next letter's time as the scheduler decides it: the pace, the daily cap, send windows, retries. Read
     * from the log's counts and its earliest retry, never from the rows themselves: status must not hold 100,000
     * rows to say where a campaign stands.
     */
    public static CampaignStatus of(DeliveryLog log, CampaignRecord c, Instant now) {
        return of(log, c, log.counts(c), now);
    }

    /**
     * As {@link #of(DeliveryLog, CampaignRecord, Instant)}, with the counts the caller read already. The earliest
     * retry and the next letter are asked for only where the answer shows them: a finished campaign of 100,000 rows
     * (the dashboard shows it every two seconds) reads neither, nor its file.
     */
    public static CampaignStatus of(DeliveryLog log, CampaignRecord c, Map<State, Integer> counts, Instant now) {
        return decide(c, counts, () -> log.nextRetry(c).orElse(null), now,
                () -> NextLetter.of(log, c, schedule(c), now).orElse(null));
    }

    /** The campaign's send windows, read from its file; null when that cannot be read now. */
    private static ScheduleSettings schedule(CampaignRecord c) {
        try {
            return CampaignFile.load(Path.of(c.campaignFile())).schedule();
        } catch (InvalidInputException | InvalidPathException e) {
            return null;
        }
    }

    /**
     * @param counts    the rows still in the recipients file by state as status shows it (skipped is SKIPPED)
     * @param nextRetry the earliest retry time among DEFERRED rows, or null
     * @param next      when the scheduler would send the next letter (null: not known)
     */
    static CampaignStatus of(CampaignRecord c, Map<State, Integer> counts, Instant nextRetry, Instant now,
                             Instant next) {
        return decide(c, counts, () -> nextRetry, now, () -> next);
    }

    private static CampaignStatus decide(CampaignRecord c, Map<State, Integer> counts, Supplier<Instant> nextRetry,
                                         Instant now, Supplier<Instant> next) {
        long queued = counts.getOrDefault(State.QUEUED, 0);
        long deferred = counts.getOrDefault(State.DEFERRED, 0);
        long unknown = counts.getOrDefault(State.UNKNOWN, 0);
        long sending = counts.getOrDefault(State.SENDING, 0);
        String left = left(queued, deferred, unknown, sending, nextRetry);
        if (c.state() == CampaignState.CANCELLED) {
            return new CampaignStatus("cancelled", left.isEmpty() ? "" : "not sent: " + left, null);
        }
        if (c.state() == CampaignState.PAUSED) {
            String how = c.pauseKind().resumesByItself() && c.resumeAt() != null
                    ? "; resumes by itself at " + Problem.moment(c.resumeAt()) : "; `lettermerge resume` goes on";
            return new CampaignStatus(c.pauseKind() == PauseKind.MISSED ? "missed" : "paused",
                    withoutFinalStop(c.pauseReason()) + how + (left.isEmpty() ? "" : "; left: " + left), c.resumeAt());
        }
        if (queued + deferred + unknown + sending == 0) {
            return new CampaignStatus("finished", "every recipient is accepted, failed or skipped", null);
        }
        if (c.scheduledAt() != null && c.scheduledAt().isAfter(now)) {
            return new CampaignStatus("scheduled", "starts at " + Problem.moment(c.scheduledAt()) + "; left: " + left, c.scheduledAt());
        }
        if (queued + deferred + sending == 0) {
            return new CampaignStatus("waiting for you", left + ": check them, then `lettermerge resolve`", null);
        }
        return new CampaignStatus("sending", "left: " + left, next.get());
    }

    private static String left(long queued, long deferred, long unknown, long sending, Supplier<Instant> nextRetry) {
        StringBuilder s = new StringBuilder();
        append(s, queued, "queued");
        append(s, sending, "being sent");
        if (deferred > 0) {
            Instant retry = nextRetry.get();
            append(s, deferred, "deferred" + (retry == null ? "" : " (next retry " + Problem.moment(retry) + ")"));
        }
        append(s, unknown, "unknown (need a decision)");
        return s.toString();
    }

    /** A reason is a sentence of its own elsewhere; here a clause follows it. */
    private static String withoutFinalStop(String reason) {
        return reason != null && reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
    }

    private static void append(StringBuilder s, long n, String what) {
        if (n > 0) {
            s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(what);
        }
    }
}
