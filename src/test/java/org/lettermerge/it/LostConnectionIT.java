package org.lettermerge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.cli.ExitCode;
import org.lettermerge.store.Event;
import org.lettermerge.store.EventKind;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * The ambiguous case: the final "." went out and no reply came back (RFC 5321 4.1.1.4: the server may already have
 * queued the letter). The row must be UNKNOWN, shown loudly, and never sent again by itself.
 * Talks to the scripted SMTP server in test support.
 */
class LostConnectionIT {

    private static final String BEA = "bea@example.org";

    @TempDir Path dir;

    @Test
    void aConnectionDroppedAfterTheFinalDotLeavesThatRowUnknownAndTheRestAreSentOnANewConnection() {
        try (var server = ScriptedSmtpServer.start(Script.dropAfterFinalDot(1))) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());

            CliRun run = campaign.sendLive();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SOME_NOT_DELIVERED);
            assertThat(campaign.row(BEA).state()).isEqualTo(State.UNKNOWN);
            assertThat(campaign.history(BEA)).extracting(Event::kind)
                    .containsSubsequence(EventKind.CLAIMED, EventKind.DATA_HANDOFF, EventKind.OUTCOME);
            assertThat(campaign.rows().values()).filteredOn(r -> !r.email().equals(BEA))
                    .extracting(StoredRecipient::state).containsOnly(State.ACCEPTED).hasSize(4);
            assertThat(server.connectionCount()).isEqualTo(2);
            assertThat(server.messages()).hasSize(4).allSatisfy(m -> assertThat(m.recipients()).doesNotContain(BEA));
        }
    }

    @Test
    void statusShowsTheUnknownRowProminentlyAndASecondRunDoesNotResendIt() {
        try (var server = ScriptedSmtpServer.start(Script.dropAfterFinalDot(1))) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            campaign.sendLive();
            String messageId = campaign.row(BEA).messageId();

            CliRun status = campaign.status();

            assertThat(status.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(status.out()).contains("!! 1 letter has an UNKNOWN outcome")
                    .containsPattern("!!\\s+" + BEA + "\\s+" + Pattern.quote(messageId));

            CliRun second = campaign.sendLive();

            assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.SOME_NOT_DELIVERED);
            assertThat(server.rcptCommandsFor(BEA)).isEqualTo(1);
            assertThat(campaign.row(BEA).state()).isEqualTo(State.UNKNOWN);
            assertThat(campaign.row(BEA).attempts()).isEqualTo(1);
        }
    }

    // Without the campaign's data_end of 500ms the client would wait its default 10 minutes and hit this timeout.
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aStalledReplyToTheFinalDotEndsAsUnknownAfterTheCampaignsDataEndTimeout() {
        try (var server = ScriptedSmtpServer.start(Script.stallAfterFinalDot(1))) {
            CliCampaign campaign = CliCampaign.write(dir, server.port(), "500ms");

            CliRun run = campaign.sendLive();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SOME_NOT_DELIVERED);
            assertThat(campaign.row(BEA).state()).isEqualTo(State.UNKNOWN);
            assertThat(campaign.history(BEA)).filteredOn(e -> e.kind() == EventKind.OUTCOME).singleElement()
                    .satisfies(e -> assertThat(e.detail()).contains("no reply within 500 ms"));
            assertThat(campaign.rows().values()).filteredOn(r -> !r.email().equals(BEA))
                    .extracting(StoredRecipient::state).containsOnly(State.ACCEPTED).hasSize(4);
            assertThat(server.messages()).hasSize(4);
        }
    }
}
