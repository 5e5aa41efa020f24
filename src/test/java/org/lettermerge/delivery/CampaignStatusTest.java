package org.lettermerge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.PauseKind;
import org.lettermerge.store.State;

/** Where a campaign stands, in the words status prints: times to the second, one sentence per clause. */
class CampaignStatusTest {

    private static final Instant NOW = Instant.parse("2026-12-04T01:08:04.578123Z");

    @Test
    void aPauseThatResumesByItselfSaysWhenToTheSecondWithoutNanoseconds() {
        CampaignRecord paused = record(CampaignState.PAUSED, PauseKind.UNREACHABLE, "Cannot connect to 127.0.0.1:1.",
                Instant.parse("2026-12-04T01:23:04.578123Z"));

        CampaignStatus status = CampaignStatus.of(paused, Map.of(State.QUEUED, 10), null, NOW, null);

        assertThat(status.detail()).isEqualTo("Cannot connect to 127.0.0.1:1; resumes by itself at 2026-12-04 01:23:04"
                + " UTC; left: 10 queued");
    }

    @Test
    void aScheduledStartAndANextRetryPrintToTheSecond() {
        CampaignRecord scheduled = record(CampaignState.ACTIVE, null, null, null);
        CampaignRecord later = new CampaignRecord(1, "c", "c.yaml", 1, NOW, CampaignState.ACTIVE,
                Instant.parse("2026-12-05T09:00:00.250Z"), null, null, null, 0, null, Map.of());

        assertThat(CampaignStatus.of(later, Map.of(State.QUEUED, 2), null, NOW, null).detail())
                .isEqualTo("starts at 2026-12-05 09:00:00 UTC; left: 2 queued");
        assertThat(CampaignStatus.of(scheduled, Map.of(State.DEFERRED, 1), Instant.parse("2026-12-04T02:00:00.9Z"),
                NOW, null).detail()).isEqualTo("left: 1 deferred (next retry 2026-12-04 02:00:00 UTC)");
    }

    private static CampaignRecord record(CampaignState state, PauseKind kind, String reason, Instant resumeAt) {
        return new CampaignRecord(1, "c", "c.yaml", 1, NOW, state, null, kind, reason, resumeAt, 0, null, Map.of());
    }
}
