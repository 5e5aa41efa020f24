package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.store.LogFixtures.CLOCK;
import static org.lettermerge.store.LogFixtures.campaign;
import static org.lettermerge.store.LogFixtures.row;
import static org.lettermerge.store.LogFixtures.stored;
import static org.lettermerge.store.LogFixtures.version;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.TestTime;

/** The follow-up rule in the store: who qualifies when it is created, and the claim checking it again. */
class FollowupsIT {

    @TempDir
    Path dir;

    private DeliveryLog log;
    private CampaignRecord parent;

    @BeforeEach
    void sendTheLetters() {
        log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK);
        parent = campaign(log, row("a@example.org", 2), row("b@example.org", 3), row("c@example.org", 4));
        settle("a@example.org", State.ACCEPTED);
        settle("b@example.org", State.ACCEPTED);
        settle("c@example.org", State.FAILED);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void noReplyChoosesAcceptedLettersWithoutAReplyAndFailedChoosesTheFailedOnes() {
        reply("a@example.org");

        assertThat(log.followups().candidates(parent, Followups.Who.NO_REPLY)).extracting(StoredRecipient::email)
                .containsExactly("b@example.org");
        assertThat(log.followups().candidates(parent, Followups.Who.FAILED)).extracting(StoredRecipient::email)
                .containsExactly("c@example.org");
        assertThat(log.followups().candidates(parent, Followups.Who.UNKNOWN)).isEmpty();
    }

    @Test
    void aReminderWhoseRecipientRepliedAfterItWasQueuedIsNotClaimedButSkippedWithTheReason() {
        CampaignRecord followup = followup(Followups.Who.NO_REPLY);
        StoredRecipient reminder = stored(log, followup, "a@example.org");
        reply("a@example.org");

        assertThat(log.claim(reminder, followup.id())).isFalse();

        StoredRecipient after = stored(log, followup, "a@example.org");
        assertThat(after.state()).isEqualTo(State.SKIPPED);
        assertThat(after.skipReason()).isEqualTo("replied on 2025-03-01T10:00:00.000Z");
        assertThat(log.history(followup)).extracting(Event::kind).contains(EventKind.SKIPPED);
        assertThat(log.claim(stored(log, followup, "b@example.org"), followup.id())).isTrue();
        assertThat(log.followups().threadOf(reminder.id())).isEqualTo(stored(log, parent, "a@example.org").messageId());
        assertThat(log.followups().threadOf(stored(log, parent, "a@example.org").id())).isNull();
    }

    @Test
    void followupsAreNumberedPerParentAndListedUnderIt() {
        followup(Followups.Who.NO_REPLY);
        CampaignRecord second = followup(Followups.Who.FAILED);

        assertThat(second.name()).isEqualTo("c-followup-2");
        assertThat(log.followups().ofParent(parent)).extracting(Followups.Followup::number, Followups.Followup::who)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Followups.Who.NO_REPLY),
                        org.assertj.core.groups.Tuple.tuple(2, Followups.Who.FAILED));
        assertThat(log.followups().of(second)).hasValueSatisfying(f -> assertThat(f.parentId()).isEqualTo(parent.id()));
        assertThat(log.followups().of(parent)).isEmpty();
    }

    @Test
    void noReplyLeavesOutEveryLetterWithARecordedBounceWhichBouncedChooses() {
        bounce("b@example.org", "5.2.2");

        assertThat(log.followups().candidates(parent, Followups.Who.NO_REPLY)).extracting(StoredRecipient::email)
                .containsExactly("a@example.org");
        assertThat(log.followups().candidates(parent, Followups.Who.BOUNCED)).extracting(StoredRecipient::email)
                .containsExactly("b@example.org");
    }

    @Test
    void aReminderWhoseLetterBouncedAfterItWasQueuedIsSkippedWhenClaimed() {
        CampaignRecord followup = followup(Followups.Who.NO_REPLY);
        bounce("a@example.org", "4.4.7");

        assertThat(log.claim(stored(log, followup, "a@example.org"), followup.id())).isFalse();

        StoredRecipient after = stored(log, followup, "a@example.org");
        assertThat(after.state()).isEqualTo(State.SKIPPED);
        assertThat(after.skipReason()).startsWith("bounced on 2025-03-01T11:00");
    }

    @Test
    void twoFollowupsCreatedAtOnceNeverRemindOnePersonTwiceWithinTheirSpacingEvenFromAnotherConnection() {
        CampaignRecord first = followup(Followups.Who.NO_REPLY, Duration.ofDays(7));
        CampaignRecord second = followup(Followups.Who.NO_REPLY, Duration.ofDays(7));
        TestTime later = TestTime.at(LogFixtures.CLOCK.instant().plus(Duration.ofHours(1)));

        try (DeliveryLog other = DeliveryLog.openExisting(dir.resolve("log.db"), later)) {
            assertThat(log.claim(stored(log, first, "a@example.org"), first.id())).isTrue();
            log.recordOutcome(first.id(), stored(log, first, "a@example.org").id(), State.ACCEPTED, 250, "ok", null);
            assertThat(other.claim(stored(other, second, "b@example.org"), second.id())).isTrue();

            assertThat(other.claim(stored(other, second, "a@example.org"), second.id())).isFalse();
            assertThat(log.claim(stored(log, first, "b@example.org"), first.id())).isFalse();
        }

        StoredRecipient heldBack = stored(log, second, "a@example.org");
        assertThat(heldBack.state()).isEqualTo(State.SKIPPED);
        assertThat(heldBack.skipReason()).isEqualTo("reminded at 2025-03-01T09:00:00.000Z by c-followup-1: "
                + "reminders about one letter go at least 7d apart");
        assertThat(stored(log, first, "b@example.org").skipReason()).startsWith("reminded at 2025-03-01T10:00:00.000Z"
                + " by c-followup-2");
        assertThat(log.history(second)).extracting(Event::detail)
                .contains("reminder held back: " + heldBack.skipReason());
    }

    @Test
    void aReminderGoesOnceTheLastOneAboutTheSameLetterIsAtLeastTheSpacingOld() {
        CampaignRecord first = followup(Followups.Who.NO_REPLY, Duration.ZERO);
        assertThat(log.claim(stored(log, first, "a@example.org"), first.id())).isTrue();
        log.recordOutcome(first.id(), stored(log, first, "a@example.org").id(), State.ACCEPTED, 250, "ok", null);
        CampaignRecord hourly = followup(Followups.Who.NO_REPLY, Duration.ofHours(1));
        CampaignRecord daily = followup(Followups.Who.NO_REPLY, Duration.ofDays(1));
        TestTime later = TestTime.at(LogFixtures.CLOCK.instant().plus(Duration.ofHours(1)));

        try (DeliveryLog other = DeliveryLog.openExisting(dir.resolve("log.db"), later)) {
            assertThat(other.claim(stored(other, daily, "a@example.org"), daily.id())).isFalse();
            assertThat(other.claim(stored(other, hourly, "a@example.org"), hourly.id())).isTrue();
        }
    }

    private CampaignRecord followup(Followups.Who who) {
        return followup(who, Duration.ZERO);
    }

    private CampaignRecord followup(Followups.Who who, Duration spacing) {
        int n = log.followups().nextNumber(parent);
        List<DeliveryLog.NewReminder> rows = log.followups().candidates(parent, who).stream()
                .map(p -> new DeliveryLog.NewReminder(new NewRecipient(p.emailKey(), p.email(), p.name(), p.fields(),
                        p.rowHash(), p.line(), "<r" + n + "." + p.emailKey() + ">"), p.id()))
                .toList();
        return log.createFollowup(parent, parent.name() + "-followup-" + n, n, who, dir.resolve("reminder.txt"), null,
                spacing, version(1), rows);
    }

    private void settle(String email, State state) {
        StoredRecipient r = stored(log, parent, email);
        assertThat(log.claim(r, parent.id())).isTrue();
        log.recordOutcome(parent.id(), r.id(), state, 250, "ok", null);
    }

    private void bounce(String email, String status) {
        RecipientRef ref = log.inbox().byAddress(parent, email).orElseThrow();
        assertThat(log.inbox().record(new InboundMessage("<bounce-" + email + ">", InboundKind.BOUNCED,
                Instant.parse("2025-03-01T11:00:00Z"), "MAILER-DAEMON@example.net", "Undelivered Mail", "",
                "failed", status, "VERP", ref))).isTrue();
    }

    private void reply(String email) {
        RecipientRef ref = log.inbox().byAddress(parent, email).orElseThrow();
        assertThat(log.inbox().record(new InboundMessage("<reply-" + email + ">", InboundKind.REPLIED,
                Instant.parse("2025-03-01T10:00:00Z"), email, "Re: letter", "Yes", null, null, "In-Reply-To", ref)))
                .isTrue();
    }
}
