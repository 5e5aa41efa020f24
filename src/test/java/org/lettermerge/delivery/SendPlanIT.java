package org.lettermerge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.testsupport.CampaignFixture;

class SendPlanIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static final String FIVE_RECIPIENTS = """
            email,name
            accepted@example.org,Ana
            deferred@example.org,Bo
            queued@example.org,Cy
            failed@example.org,Di
            unknown@example.org,Ed
            """;

    @Test
    void withoutALogEveryRecipientIsSentAndDuplicatesAreSkippedNamingTheFirstLine() {
        PreparedCampaign p = CampaignFixture.standard(dir).write("recipients.csv", """
                email,name
                ana@example.org,Ana
                bo@example.org,Bo
                ANA@example.org,Ana again
                """).prepare();

        SendPlan plan = SendPlan.of(p, List.of());

        assertThat(plan.toSend()).extracting(Recipient::email).containsExactly("ana@example.org", "bo@example.org");
        assertThat(plan.skipped()).containsExactly(new SendPlan.Skip("ANA@example.org", 4, "duplicate of line 2"));
    }

    @Test
    void onlyQueuedAndDeferredRowsAreSentAgain() {
        CampaignFixture folder = CampaignFixture.standard(dir).write("recipients.csv", FIVE_RECIPIENTS);
        PreparedCampaign p = folder.prepare();
        try (DeliveryLog log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK)) {
            QueuePlan first = QueuePlan.first(p);
            CampaignRecord c = log.createCampaign("test-campaign", "campaign.yaml", first.changes().newVersion(),
                    first.changes().added());
            settle(log, c, "accepted@example.org", State.ACCEPTED, 250, "250 ok");
            settle(log, c, "deferred@example.org", State.DEFERRED, 451, "451 greylisted");
            settle(log, c, "failed@example.org", State.FAILED, 550, "550 no such user");
            settle(log, c, "unknown@example.org", State.UNKNOWN, null, null);

            SendPlan plan = SendPlan.of(p, log.recipients(c));

            assertThat(plan.toSend()).extracting(Recipient::email)
                    .containsExactly("deferred@example.org", "queued@example.org");
            assertThat(plan.skipped()).extracting(SendPlan.Skip::email, SendPlan.Skip::line).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("accepted@example.org", 2),
                    org.assertj.core.groups.Tuple.tuple("failed@example.org", 5),
                    org.assertj.core.groups.Tuple.tuple("unknown@example.org", 6));
            assertThat(plan.skipped()).extracting(SendPlan.Skip::reason).satisfiesExactly(
                    r -> assertThat(r).startsWith("already accepted by the server on 2025-03-01T09:00:00Z"),
                    r -> assertThat(r).isEqualTo("failed permanently: 550 no such user"),
                    r -> assertThat(r).startsWith("outcome unknown"));
        }
    }

    private static void settle(DeliveryLog log, CampaignRecord c, String email, State to, Integer code, String reply) {
        StoredRecipient row = log.recipients(c).stream().filter(r -> r.email().equals(email)).findFirst().orElseThrow();
        log.claim(row, c.id());
        log.recordOutcome(c.id(), row.id(), to, code, reply, null);
    }
}
