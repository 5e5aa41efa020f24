package org.lettermerge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.testsupport.CliCampaign.RECIPIENTS;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.cli.ExitCode;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * A server whose EHLO reply announces a SIZE (RFC 1870) smaller than the letters: the run stops before the first
 * letter, not with one 552 per recipient after each body went out. The scripted server, because GreenMail
 * announces no SIZE.
 */
class ServerSizeLimitIT {

    @TempDir Path dir;

    private static Script announcingSize(long bytes) {
        return new Script() {
            @Override
            public List<String> extensions() {
                return List.of("8BITMIME", "SIZE " + bytes);
            }
        };
    }

    @Test
    void lettersOverTheServersAnnouncedSizeStopTheRunBeforeAnyMailFromAndEveryRowStaysQueued() {
        // The fault-drill letters are well under 1 kB of text but about 1 kB as sent, headers included.
        try (var server = ScriptedSmtpServer.start(announcingSize(300))) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());

            CliRun run = campaign.sendLive();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(run.err()).contains("recipients.csv:2: the letter to ada@example.org is ")
                    .contains("over the limit of 300 bytes set by SIZE 300 in the EHLO reply of 127.0.0.1:"
                            + server.port())
                    .contains("make them smaller");
            assertThat(server.commands()).anyMatch(c -> c.startsWith("EHLO"))
                    .noneMatch(c -> c.toUpperCase().startsWith("MAIL FROM"));
            assertThat(LogRows.query(campaign.database(), "SELECT state, attempts FROM recipient"))
                    .hasSize(RECIPIENTS.size())
                    .allSatisfy(row -> assertThat(row).containsEntry("state", "QUEUED").containsEntry("attempts", 0));
            assertThat(LogRows.query(campaign.database(), "SELECT kind FROM event WHERE recipient_id IS NOT NULL AND kind <> 'QUEUED'")).isEmpty();
        }
    }

    @Test
    void aSizeBelowPreflightsUpperBoundButAboveEveryLetterIsMeasuredExactlyAndTheLettersAreSent() {
        // About 1 kB as sent; preflight's cheap bound for them is over 4 kB, so this SIZE needs the exact sizes.
        try (var server = ScriptedSmtpServer.start(announcingSize(3_000))) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());

            CliRun run = campaign.sendLive();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
            assertThat(server.messages()).hasSize(RECIPIENTS.size())
                    .allSatisfy(m -> assertThat(m.raw().length).isLessThan(3_000));
        }
    }

    @Test
    void lettersWithinTheServersAnnouncedSizeAreSent() {
        try (var server = ScriptedSmtpServer.start(announcingSize(10_000_000))) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());

            CliRun run = campaign.sendLive();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
            assertThat(server.messages()).hasSize(RECIPIENTS.size());
        }
    }
}
