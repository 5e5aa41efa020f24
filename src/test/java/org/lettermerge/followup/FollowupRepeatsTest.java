package org.lettermerge.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.Followups;

/** When another follow-up of a letter repeats one on its way: plain values in, the refusal (or none) out. */
class FollowupRepeatsTest {

    private static final Instant NOW = Instant.parse("2026-12-09T09:00:00Z");

    @Test
    void aScheduledFollowupIsRepeatedWhateverTheSpacing() {
        var scheduled = followup(2, NOW.minusSeconds(120), CampaignState.ACTIVE, NOW.plus(Duration.ofDays(7)), 21, 21);

        assertThat(FollowupRepeats.refusal(List.of(scheduled), NOW, Duration.ZERO)).hasValue(
                "a follow-up of this letter is scheduled (from 2026-12-16T09:00:00Z): follow-up 2, created 2 minutes "
                        + "ago, 21 recipients: to send another, add --another");
    }

    @Test
    void oneStillSendingIsRepeatedAndOneFinishedOnlyWhileYoungerThanTheSpacing() {
        var sending = followup(1, NOW.minusSeconds(3600), CampaignState.ACTIVE, null, 5, 2);
        var finished = followup(1, NOW.minusSeconds(3 * 3600), CampaignState.ACTIVE, null, 5, 0);

        assertThat(FollowupRepeats.refusal(List.of(sending), NOW, Duration.ZERO))
                .hasValueSatisfying(why -> assertThat(why).startsWith("a follow-up of this letter still has 2 of 5 "
                        + "letters to send: follow-up 1, created 1 hour ago, 5 recipients"));
        assertThat(FollowupRepeats.refusal(List.of(finished), NOW, Duration.ofDays(1)))
                .hasValueSatisfying(why -> assertThat(why).startsWith("a follow-up of this letter was created less "
                        + "than 1 day ago (the least time between two reminders): follow-up 1, created 3 hours ago"));
        assertThat(FollowupRepeats.refusal(List.of(finished), NOW, Duration.ofHours(3))).isEmpty();
        assertThat(FollowupRepeats.refusal(List.of(finished), NOW, Duration.ZERO)).isEmpty();
    }

    @Test
    void aCancelledFollowupRepeatsNothing() {
        var cancelled = followup(1, NOW.minusSeconds(60), CampaignState.CANCELLED, NOW.plusSeconds(3600), 4, 4);

        assertThat(FollowupRepeats.refusal(List.of(cancelled), NOW, Duration.ofDays(7))).isEmpty();
    }

    @Test
    void spansReadAsAPersonSaysThem() {
        assertThat(FollowupRepeats.span(Duration.ofSeconds(40))).isEqualTo("40 seconds");
        assertThat(FollowupRepeats.span(Duration.ofSeconds(61))).isEqualTo("1 minute");
        assertThat(FollowupRepeats.span(Duration.ofHours(36))).isEqualTo("1 day");
        assertThat(FollowupRepeats.span(Duration.ofDays(7))).isEqualTo("7 days");
    }

    private static Followups.Progress followup(int number, Instant created, CampaignState state, Instant scheduledAt,
                                               int recipients, int toGo) {
        return new Followups.Progress(number, "letter-followup-" + number, created, state, scheduledAt, recipients,
                toGo);
    }
}
