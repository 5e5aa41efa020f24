package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.ChildLettermerge;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * A daily cap ends `send --live` and `run --once` (issue 10): they used to sleep until the rolling 24 hours freed a
 * slot. The built jar runs in a child JVM, so a run that hangs fails the test (after 60 s) instead of hanging it.
 * Letters go to the scripted SMTP server, healthy here.
 */
class DailyCapIT {

    @TempDir Path dir;

    @Test
    void sendLiveAndRunOnceSendWhatTheCapAllowsAndSayWhenTheRestCanGo() throws Exception {
        try (var server = ScriptedSmtpServer.start(Script.acceptAll())) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "daily_cap: 3", "",
                    ScheduledCampaign.recipients(5));

            CliRun send;
            try (var child = ChildLettermerge.start(dir, "send", campaign.campaignFile(), "--live")) {
                send = child.awaitExit();
            }

            assertThat(send.exitCode()).as("letters waiting for the cap are not a failure: " + send).isEqualTo(ExitCode.OK);
            assertThat(send.out()).contains("2 letters wait for the account's pace or daily cap")
                    .contains("tomorrow").doesNotContain("Nothing to send");
            assertThat(server.messages()).hasSize(3);

            CliRun once;
            try (var child = ChildLettermerge.start(dir, "run", "--db", campaign.database().toString(), "--once")) {
                once = child.awaitExit();
            }

            assertThat(once.exitCode()).as(once.toString()).isNotEqualTo(-1);
            assertThat(server.messages()).hasSize(3);
            assertThat(campaign.rows().values()).filteredOn(r -> r.state() == State.QUEUED).hasSize(2);
        }
    }
}
