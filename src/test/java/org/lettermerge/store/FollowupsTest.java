package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.store.LogFixtures.CLOCK;
import static org.lettermerge.store.LogFixtures.campaign;
import static org.lettermerge.store.LogFixtures.row;
import static org.lettermerge.store.LogFixtures.stored;
import static org.lettermerge.store.LogFixtures.version;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The follow-up rule in the store: who qualifies when it is created, and the claim checking it again. */
class FollowupsTest {

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

    private CampaignRecord followup(Followups.Who who) {
        int n = log.followups().nextNumber(parent);
        List<DeliveryLog.NewReminder> rows = log.followups().candidates(parent, who).stream()
                .map(p -> new DeliveryLog.NewReminder(new NewRecipient(p.emailKey(), p.email(), p.name(), p.fields(),
                        p.rowHash(), p.line(), "<r" + n + "." + p.emailKey() + ">"), p.id()))
                .toList();
        return log.createFollowup(parent, parent.name() + "-followup-" + n, n, who, dir.resolve("reminder.txt"), null,
                version(1), rows);
    }

    private void settle(String email, State state) {
        StoredRecipient r = stored(log, parent, email);
        assertThat(log.claim(r, parent.id())).isTrue();
        log.recordOutcome(parent.id(), r.id(), state, 250, "ok", null);
    }

    private void reply(String email) {
        RecipientRef ref = log.inbox().byAddress(parent, email).orElseThrow();
        assertThat(log.inbox().record(new InboundMessage("<reply-" + email + ">", InboundKind.REPLIED,
                Instant.parse("2025-03-01T10:00:00Z"), email, "Re: letter", "Yes", null, null, "In-Reply-To", ref)))
                .isTrue();
    }
}
