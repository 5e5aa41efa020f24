package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.testsupport.TestTime;

/**
 * `lettermerge run` says what it does as it does it — a line per campaign that starts sending, pauses, resumes or
 * finishes — so a person watching the terminal sees the campaign (or its follow-up) going out. Talks to the
 * scripted SMTP server in test support.
 */
class RunOutputIT {

    @TempDir Path dir;

    @Test
    void runPrintsALineWhenACampaignStartsSendingAndWhenItFinishes() {
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "", "", ScheduledCampaign.recipients(3));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();

            CliRun run = campaign.cli(time, "run", "--db", campaign.database().toString(), "--once");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(server.messages()).hasSize(3);
            assertThat(run.out()).as(run.toString())
                    .containsOnlyOnce("10:00:00 " + ScheduledCampaign.NAME + ": sending (3 letters due now)")
                    .containsOnlyOnce("10:00:00 " + ScheduledCampaign.NAME + ": finished: nothing left to send");
            assertThat(run.out().indexOf("sending (")).isLessThan(run.out().indexOf("finished:"));
        }
    }

    @Test
    void runSaysWhenItPausesACampaignAndNotAgainInItsSummary() {
        // The second MAIL FROM (transaction 1) hits a sending quota: a reply about us, which pauses the campaign.
        Script quota = new Script() {
            @Override
            public Reply onMailFrom(String address, int transaction) {
                return transaction == 1 ? Reply.code(550, "5.4.5 Daily user sending limit exceeded")
                        : Reply.code(250, "2.1.0 Ok");
            }
        };
        try (var server = ScriptedSmtpServer.start(quota)) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "", "", ScheduledCampaign.recipients(3));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();

            CliRun run = campaign.cli(time, "run", "--db", campaign.database().toString(), "--once");

            assertThat(run.out()).as(run.toString())
                    .containsOnlyOnce(ScheduledCampaign.NAME + ": paused (throttle): the server pushed back: 550")
                    .doesNotContain("finished:")
                    .doesNotContain("Note: ");
        }
    }
}
