package org.lettermerge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.testsupport.TestTime;

/**
 * send --live --at, status, pause and cancel as the organizer types them.
 * Talks to the scripted SMTP server in test support.
 */
class ScheduleCommandsIT {

    @TempDir Path dir;

    @Test
    void aStartInThePastIsRefusedNamingAt() {
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "", "", ScheduledCampaign.recipients(2));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");

            var run = campaign.queue(time, "2027-01-04 09:00 UTC");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
            assertThat(run.err()).contains("--at").contains("in the past");
            assertThat(server.connectionCount()).isZero();
        }
    }

    @Test
    void aStartInsideTheDaylightSavingGapIsRefusedWithTheReason() {
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "", "", ScheduledCampaign.recipients(2));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");

            var run = campaign.queue(time, "2027-03-14 02:30 America/New_York");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
            assertThat(run.err()).contains("--at").contains("does not exist in America/New_York");
        }
    }

    @Test
    void aScheduledCampaignIsShownPausedAndCancelledWithoutSendingAnything() {
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "", "", ScheduledCampaign.recipients(2));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");

            var queued = campaign.queue(time, "2027-01-05 09:00 UTC");

            assertThat(queued.exitCode()).as(queued.toString()).isZero();
            assertThat(campaign.campaign().scheduledAt()).isEqualTo(Instant.parse("2027-01-05T09:00:00Z"));
            assertThat(campaign.rows().values()).allMatch(r -> r.state() == State.QUEUED && r.attempts() == 0);
            var status = campaign.cli(time, "status", campaign.campaignFile());
            assertThat(status.out()).contains("SCHEDULED").contains("2027-01-05");

            assertThat(campaign.cli(time, "pause", campaign.campaignFile()).exitCode()).isZero();
            assertThat(campaign.cli(time, "status", campaign.campaignFile()).out()).contains("PAUSED");

            assertThat(campaign.cli(time, "cancel", campaign.campaignFile()).exitCode()).isZero();
            // Even at the scheduled time, a cancelled campaign sends nothing.
            time.set(Instant.parse("2027-01-05T09:00:00Z"));
            var send = campaign.cli(time, "send", campaign.campaignFile(), "--live");

            assertThat(campaign.campaign().state()).isEqualTo(CampaignState.CANCELLED);
            assertThat(send.out() + send.err()).containsIgnoringCase("cancelled");
            assertThat(server.connectionCount()).isZero();
            assertThat(campaign.rows().values()).allMatch(r -> r.state() == State.QUEUED && r.attempts() == 0);
        }
    }
}
