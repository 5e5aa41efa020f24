package org.lettermerge.followup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.Followups;

/**
 * Whether another follow-up of a letter would repeat one already on its way: running {@code followup} twice "to make
 * sure" must not remind everyone twice. Only the question asked before a follow-up is created; the guarantee that
 * nobody gets two reminders less than --after apart is the claim's (queries.sql, claim), whatever is created.
 */
public final class FollowupRepeats {

    private FollowupRepeats() {}

    /**
     * Why a new follow-up would repeat one of {@code earlier} (the parent's follow-ups, oldest first), or empty when
     * it would not: one that is scheduled, still sending, or created less than {@code spacing} ago. A cancelled
     * follow-up repeats nothing: the organizer withdrew it.
     */
    public static Optional<String> refusal(List<Followups.Progress> earlier, Instant now, Duration spacing) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Followups.Progress f = earlier.get(i);
            if (f.state() == CampaignState.CANCELLED) {
                continue;
            }
            String why;
            if (f.scheduledAt() != null && f.scheduledAt().isAfter(now)) {
                why = "is scheduled (from " + f.scheduledAt() + ")";
            } else if (f.toGo() > 0) {
                why = "still has " + f.toGo() + " of " + f.recipients() + " letters to send";
            } else if (f.createdAt().isAfter(now.minus(spacing))) {
                why = "was created less than " + span(spacing) + " ago (the least time between two reminders)";
            } else {
                continue;
            }
            return Optional.of("a follow-up of this letter " + why + ": follow-up " + f.number() + ", created "
                    + span(Duration.between(f.createdAt(), now)) + " ago, " + f.recipients() + " recipient"
                    + (f.recipients() == 1 ? "" : "s") + ": to send another, add --another");
        }
        return Optional.empty();
    }

    /** "40 seconds", "1 minute", "3 hours", "2 days": the largest whole unit, as a person says it. */
    static String span(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        if (seconds < 3600) {
            return plural(seconds / 60, "minute");
        }
        if (seconds < 86400) {
            return plural(seconds / 3600, "hour");
        }
        return plural(seconds / 86400, "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
