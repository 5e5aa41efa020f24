package org.lettermerge.delivery;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.schedule.Progress;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.testsupport.CampaignFixture;
import org.lettermerge.testsupport.LogRows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Queuing reads the recipients again from the file, after preflight checked them: a file changed in between is
 * refused and nothing of it queued, because a row that was never checked must never be sent.
 */
class QueuingChangedRecipientsIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static long count(Path db, String table) {
        return ((Number) LogRows.query(db, "SELECT COUNT(*) AS n FROM " + table).get(0).get("n")).longValue();
    }

    private static void assertRefusedNaming(Throwable e, Path csv) {
        assertThat(e).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) e).problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo(Problem.display(csv));
            assertThat(p.message()).contains("changed after it was checked", "nothing was queued",
                    "run the command again");
        });
    }

    @Test
    void aFileChangedBetweenTheCheckAndTheFirstQueuingIsRefusedAndTheLogHoldsNothingOfIt() {
        CampaignFixture folder = CampaignFixture.standard(dir);
        PreparedCampaign p = folder.prepare();
        folder.write("recipients.csv", CampaignFixture.RECIPIENTS + "cy@example.org,Cy\n");
        var options = new LiveSend.Options(0, Consent.NONE, null, new StopSignal(), null, Map.of());

        assertThatThrownBy(() -> LiveSend.run(p, options, Progress.NONE, CLOCK))
                .satisfies(e -> assertRefusedNaming(e, folder.path("recipients.csv")));

        Path db = p.campaign().database();
        assertThat(count(db, "campaign")).isZero();
        assertThat(count(db, "campaign_version")).isZero();
        assertThat(count(db, "recipient")).isZero();
    }

    @Test
    void aRowChangedBeforeALaterQueuingIsRefusedAndTheLogKeepsTheVersionItHad() {
        CampaignFixture folder = CampaignFixture.standard(dir);
        Path db = dir.resolve("log.db");
        try (DeliveryLog log = DeliveryLog.openOrCreate(db, CLOCK)) {
            Queuing.queue(folder.prepare(), log, Consent.NONE);
            folder.write("recipients.csv", CampaignFixture.RECIPIENTS + "cy@example.org,Cy\n");
            PreparedCampaign withCy = folder.prepare();
            folder.write("recipients.csv", CampaignFixture.RECIPIENTS + "cy@example.org,Cyrus\n");

            assertThatThrownBy(() -> Queuing.queue(withCy, log, Consent.NONE))
                    .satisfies(e -> assertRefusedNaming(e, folder.path("recipients.csv")));

            CampaignRecord campaign = log.findCampaign("test-campaign").orElseThrow();
            assertThat(log.currentVersion(campaign).orElseThrow().version()).isEqualTo(1);
        }
        assertThat(LogRows.recipients(db)).extracting(r -> r.get("email"))
                .containsExactly("ana@example.org", "bo@example.org");
    }

    @Test
    void anUnchangedFileIsQueuedWithTheHashPreflightComputed() {
        CampaignFixture folder = CampaignFixture.standard(dir);
        PreparedCampaign p = folder.prepare();
        Path db = dir.resolve("log.db");
        try (DeliveryLog log = DeliveryLog.openOrCreate(db, CLOCK)) {
            QueuePlan plan = Queuing.queue(p, log, Consent.NONE);

            assertThat(plan.described()).containsExactly("2 recipients queued");
            CampaignRecord campaign = log.findCampaign("test-campaign").orElseThrow();
            assertThat(log.currentVersion(campaign).orElseThrow().recipientsHash()).isEqualTo(p.recipients().hash());
        }
        assertThat(LogRows.recipients(db)).extracting(r -> r.get("email"))
                .containsExactly("ana@example.org", "bo@example.org");
    }
}
