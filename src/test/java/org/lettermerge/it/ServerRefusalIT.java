package org.lettermerge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.testsupport.CliCampaign.RECIPIENTS;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.cli.ExitCode;
import org.lettermerge.store.Event;
import org.lettermerge.store.EventKind;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * Replies about us, not about a recipient (a refused session, a sending quota): the run stops with exit 4 and every
 * letter not yet sent stays QUEUED, untouched, for the same command to finish later.
 * Talks to the scripted SMTP server in test support.
 */
class ServerRefusalIT {

    @TempDir Path dir;

    @Test
    void a421GreetingStopsBeforeAnyRowIsClaimed() {
        try (var server = ScriptedSmtpServer.start(Script.greeting(Reply.code(421, "4.3.2 Too busy, try later")))) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());

            CliRun run = campaign.sendLive();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SERVER_UNAVAILABLE);
            assertThat(run.err()).contains("127.0.0.1:" + server.port()).contains("421");
            assertEveryRowIsStillQueuedAndUnclaimed(campaign);
            assertThat(server.commands()).noneMatch(c -> c.startsWith("MAIL"));
        }
    }

    @Test
    void aClosedPortStopsBeforeAnyRowIsClaimed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CliCampaign campaign = CliCampaign.write(dir, closedPort);

        CliRun run = campaign.sendLive();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SERVER_UNAVAILABLE);
        assertThat(run.err()).contains("127.0.0.1:" + closedPort).contains("connection refused");
        assertEveryRowIsStillQueuedAndUnclaimed(campaign);
    }

    @Test
    void anUnreachableServerGivesOneSummaryOfWhatWaitsAndWhenItIsRetriedNotNothingToSend() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CliCampaign campaign = CliCampaign.write(dir, closedPort);

        CliRun run = campaign.sendLive();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SERVER_UNAVAILABLE);
        assertThat(run.out()).as(run.toString())
                .doesNotContain("Nothing to send")
                .containsOnlyOnce("Paused:")
                .containsPattern("Paused: cannot reach 127\\.0\\.0\\.1:" + closedPort + " \\(connection refused\\)\\. "
                        + "5 letters wait; the next try is at \\d\\d:\\d\\d:\\d\\d ");
        assertThat(run.out()).doesNotContain("Note: ");
        assertEveryRowIsStillQueuedAndUnclaimed(campaign);
    }

    @Test
    void aSendingQuotaReplyMidRunStopsTheRunAndLeavesTheRestQueued() {
        // The third MAIL FROM (transaction 2, Cy's letter) hits Gmail's daily quota: about us, not about Cy.
        Script quota = new Script() {
            @Override
            public Reply onMailFrom(String address, int transaction) {
                return transaction == 2 ? Reply.code(550, "5.4.5 Daily user sending limit exceeded")
                        : Script.super.onMailFrom(address, transaction);
            }
        };
        try (var server = ScriptedSmtpServer.start(quota)) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());

            CliRun run = campaign.sendLive();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SERVER_UNAVAILABLE);
            assertThat(run.err()).contains("Daily user sending limit exceeded");
            assertThat(campaign.row("ada@example.org").state()).isEqualTo(State.ACCEPTED);
            assertThat(campaign.row("bea@example.org").state()).isEqualTo(State.ACCEPTED);
            StoredRecipient cy = campaign.row("cy@example.org");
            assertThat(cy.state()).isEqualTo(State.QUEUED);
            assertThat(cy.smtpCode()).isEqualTo(550);
            assertThat(campaign.history("cy@example.org")).filteredOn(e -> e.kind() == EventKind.OUTCOME)
                    .singleElement().extracting(Event::toState).isEqualTo(State.QUEUED);
            for (String later : RECIPIENTS.subList(3, 5)) {
                assertThat(campaign.row(later).state()).as(later).isEqualTo(State.QUEUED);
                assertThat(campaign.row(later).attempts()).as(later).isZero();
                assertThat(server.rcptCommandsFor(later)).as(later).isZero();
            }
            assertThat(server.messages()).hasSize(2);
            assertThat(server.commands()).filteredOn(c -> c.startsWith("MAIL")).hasSize(3);
        }
    }

    private static void assertEveryRowIsStillQueuedAndUnclaimed(CliCampaign campaign) {
        assertThat(campaign.rows().values()).hasSize(RECIPIENTS.size()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(State.QUEUED);
            assertThat(r.attempts()).isZero();
        });
        for (String address : RECIPIENTS) {
            assertThat(campaign.history(address)).extracting(Event::kind).containsExactly(EventKind.QUEUED);
        }
    }
}
