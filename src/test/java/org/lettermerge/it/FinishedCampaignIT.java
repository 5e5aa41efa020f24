package org.lettermerge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.cli.ExitCode;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * A campaign with nothing left to send is left alone by the scheduler, whatever happened to its files since.
 * Talks to the scripted SMTP server in test support.
 */
class FinishedCampaignIT {

    @TempDir Path dir;

    @Test
    void runDoesNotPauseAFinishedCampaignWhoseTemplateWasEditedAfterwards() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            assertThat(campaign.sendLive().exitCode()).isEqualTo(ExitCode.OK);
            Files.writeString(dir.resolve("letter.txt.mustache"), "An edited letter, never sent.\n");

            CliRun run = campaign.run("run", "--db", campaign.database().toString(), "--once");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
            assertThat(run.out()).doesNotContain("paused");
            try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
                assertThat(log.findCampaign(CliCampaign.NAME).orElseThrow().state()).isEqualTo(CampaignState.ACTIVE);
            }
            assertThat(campaign.status().out()).contains("FINISHED");
            assertThat(server.messages()).hasSize(CliCampaign.RECIPIENTS.size());
        }
    }
}
