package org.lettermerge.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lettermerge.campaign.ScheduleSettings;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;

/**
 * When a campaign's next letter can go out, for `status` and its JSON: {@link NextStep}'s own decision, made from
 * what the log holds (the due letters and their recipients' send windows, deferred letters' retry times, the
 * account's spent budget), so status never says "now" while the pace, the daily cap or a closed window says later.
 * It only reads: a campaign whose start was missed is reported as the scheduler would find it, not paused here.
 */
public final class NextLetter {

    private NextLetter() {}

    /**
     * @param schedule the campaign's schedule (windows, zone), or null when its file cannot be read now: then the
     *                 windows are not known, and only the log's times count
     * @return when the next letter can go; empty when nothing is left to send, or it waits for the organizer
     */
    public static Optional<Instant> of(DeliveryLog log, CampaignRecord campaign, ScheduleSettings schedule,
                                       Instant now) {
        LetterLog letters = LetterLog.of(log);
        Decision decision = NextStep.next(List.of(campaign), c -> new Known(letters, c, schedule, now), now);
        if (decision instanceof Decision.Send || decision instanceof Decision.Resume) {
            return Optional.of(now);
        }
        if (decision instanceof Decision.Wait wait) {
            return Optional.ofNullable(wait.until());
        }
        return Optional.empty();
    }

    /** The facts as the log has them; the campaign's files are not read (status never pauses a campaign). */
    private record Known(LetterLog log, CampaignRecord campaign, ScheduleSettings schedule, Instant now)
            implements CampaignFacts {

        @Override
        public boolean lettersLeft() {
            return log.lettersLeft(campaign, now);
        }

        @Override
        public String loadProblem() {
            return null;
        }

        @Override
        public Duration missedGrace() {
            return schedule == null ? Duration.ofDays(36_500) : schedule.missedGrace();
        }

        @Override
        public boolean everAttempted() {
            return log.anyAttempted(campaign);
        }

        @Override
        public Due due() {
            Due due = schedule == null
                    ? new Due(log.dueRows(campaign, now, 1).stream().findFirst().orElse(null), null)
                    : new DueLetters().peek(log, campaign, schedule, now);
            return due.letter() != null ? due : due.orRetryAt(log.nextRetry(campaign), now);
        }

        @Override
        public AccountSlot slot() {
            return campaign.account() == null ? new AccountSlot(now, false)
                    : log.usage(campaign.account(), now).map(u -> AccountSlot.of(u, now))
                            .orElse(new AccountSlot(now, false));
        }
    }
}
