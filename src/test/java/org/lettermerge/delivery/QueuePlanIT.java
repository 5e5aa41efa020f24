package org.lettermerge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.NewRecipient;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.testsupport.CampaignFixture;

class QueuePlanIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private CampaignFixture folder;
    private DeliveryLog log;
    private CampaignRecord campaign;

    @BeforeEach
    void queueTheStandardCampaign() {
        folder = CampaignFixture.standard(dir);
        log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK);
        QueuePlan first = QueuePlan.first(folder.prepare());
        campaign = log.createCampaign("test-campaign", folder.path("campaign.yaml").toString(),
                first.changes().newVersion(), first.changes().added());
    }

    @AfterEach
    void close() {
        log.close();
    }

    private QueuePlan replan() {
        PreparedCampaign p = folder.prepare();
        assertThat(p.errors()).isEmpty();
        return QueuePlan.against(p, log.currentVersion(campaign).orElseThrow(), log.recipients(campaign));
    }

    private StoredRecipient stored(String key) {
        return log.recipients(campaign).stream().filter(r -> r.emailKey().equals(key)).findFirst().orElseThrow();
    }

    private void sendToAna() {
        StoredRecipient ana = stored("ana@example.org");
        log.claim(ana, campaign.id());
        log.recordOutcome(campaign.id(), ana.id(), State.ACCEPTED, 250, "250 ok", null);
    }

    @Test
    void theFirstQueuingQueuesEveryRecipientWithItsOwnMessageId() {
        QueuePlan first = QueuePlan.first(folder.prepare());

        assertThat(first.needsConfirmation()).isFalse();
        assertThat(first.described()).containsExactly("2 recipients queued");
        assertThat(first.changes().newVersion().version()).isEqualTo(1);
        List<NewRecipient> added = first.changes().added();
        assertThat(added).extracting(NewRecipient::emailKey).containsExactly("ana@example.org", "bo@example.org");
        assertThat(added).extracting(NewRecipient::name).containsExactly("Ana", "Bo");
        assertThat(added).extracting(NewRecipient::messageId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("<").endsWith("@example.org>"));
    }

    @Test
    void eachRowKeepsTheNameItsLetterAddressesThemBy() {
        folder.write("campaign.yaml", CampaignFixture.CAMPAIGN + "to_name: \"Minister {{name}}\"\n");
        assertThat(QueuePlan.first(folder.prepare()).changes().added()).extracting(NewRecipient::name)
                .containsExactly("Minister Ana", "Minister Bo");

        folder.write("campaign.yaml", CampaignFixture.CAMPAIGN.replace("{{name}}", "friend"))
                .write("letter.txt", "Dear friend,\n")
                .write("recipients.csv", "email,first_name,last_name\nana@example.org,Ana,Ruiz\nbo@example.org,,\n");
        assertThat(QueuePlan.first(folder.prepare()).changes().added()).extracting(NewRecipient::name)
                .containsExactly("Ana Ruiz", null);
    }

    @Test
    void anUnchangedCampaignChangesNothing() {
        QueuePlan plan = replan();

        assertThat(plan.changes().isEmpty()).isTrue();
        assertThat(plan.described()).isEmpty();
        assertThat(plan.needsConfirmation()).isFalse();
    }

    @Test
    void aTemplateChangedAfterLettersWentOutNeedsConfirmationAndIsNamed() {
        sendToAna();
        folder.write("letter.txt", CampaignFixture.LETTER + "P.S. A late addition.\n");

        QueuePlan plan = replan();

        assertThat(plan.needsConfirmation()).isTrue();
        assertThat(plan.described()).containsExactly("template letter.txt changed");
        assertThat(plan.changes().newVersion().version()).isEqualTo(2);
    }

    @Test
    void aTemplateChangedBeforeAnyAttemptIsANewVersionWithoutConfirmation() {
        folder.write("letter.txt", CampaignFixture.LETTER + "P.S. A late addition.\n");

        QueuePlan plan = replan();

        assertThat(plan.needsConfirmation()).isFalse();
        assertThat(plan.described()).containsExactly("template letter.txt changed");
        assertThat(plan.changes().newVersion().version()).isEqualTo(2);
        assertThat(plan.changes().newVersion().contentHash())
                .isNotEqualTo(log.currentVersion(campaign).orElseThrow().contentHash());
    }

    @Test
    void anAddedRowIsQueuedWithoutConfirmation() {
        sendToAna();
        folder.write("recipients.csv", CampaignFixture.RECIPIENTS + "cy@example.org,Cy\n");

        QueuePlan plan = replan();

        assertThat(plan.needsConfirmation()).isFalse();
        assertThat(plan.changes().added()).extracting(NewRecipient::emailKey).containsExactly("cy@example.org");
        assertThat(plan.described()).singleElement().asString().endsWith("recipients.csv:4: cy@example.org added: will be queued");
        assertThat(plan.changes().newVersion()).isNotNull();
    }

    @Test
    void aRemovedRowIsReportedAndMarkedRemoved() {
        folder.write("recipients.csv", """
                email,name
                ana@example.org,Ana
                """);

        QueuePlan plan = replan();

        assertThat(plan.changes().removed()).extracting(StoredRecipient::emailKey).containsExactly("bo@example.org");
        assertThat(plan.described()).singleElement().asString()
                .startsWith("bo@example.org (QUEUED) is no longer in").endsWith(": it will not be sent");
        log.apply(campaign, plan.changes());
        assertThat(stored("bo@example.org").isRemoved()).isTrue();
    }

    @Test
    void aChangedRowIsDescribedFieldByField() {
        sendToAna();
        folder.write("recipients.csv", """
                email,name
                ana@example.org,Ana
                bo@example.org,Robert
                """);

        QueuePlan plan = replan();

        assertThat(plan.described()).singleElement().asString()
                .endsWith("recipients.csv:3: bo@example.org row changed (name: 'Bo' → 'Robert'), now QUEUED");
        assertThat(plan.needsConfirmation()).isTrue();
        assertThat(plan.changes().updated()).singleElement().satisfies(u -> {
            assertThat(u.before().emailKey()).isEqualTo("bo@example.org");
            assertThat(u.name()).isEqualTo("Robert");
            assertThat(u.dataChanged()).isTrue();
        });
        log.apply(campaign, plan.changes());
        assertThat(stored("bo@example.org").name()).isEqualTo("Robert");
        assertThat(replan().changes().isEmpty()).isTrue();
    }

    @Test
    void reorderingTheRecipientsAloneChangesNothing() {
        sendToAna();
        folder.write("recipients.csv", """
                email,name
                bo@example.org,Bo
                ana@example.org,Ana
                """);

        QueuePlan plan = replan();

        assertThat(plan.changes().isEmpty()).isTrue();
        assertThat(plan.needsConfirmation()).isFalse();
    }

    @Test
    void rowsAreMatchedByAddressWhateverItsCaseAndPosition() {
        folder.write("recipients.csv", """
                email,name
                Bo@Example.org,Bo
                ana@example.org,Ana
                """);

        QueuePlan plan = replan();

        assertThat(plan.changes().added()).isEmpty();
        assertThat(plan.changes().removed()).isEmpty();
        assertThat(plan.changes().updated()).singleElement().satisfies(u -> {
            assertThat(u.before().emailKey()).isEqualTo("bo@example.org");
            assertThat(u.email()).isEqualTo("Bo@Example.org");
        });
    }
}
