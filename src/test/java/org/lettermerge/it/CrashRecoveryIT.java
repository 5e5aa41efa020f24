package org.lettermerge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.testsupport.CliCampaign.RECIPIENTS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.cli.ExitCode;
import org.lettermerge.store.Event;
import org.lettermerge.store.EventKind;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.ChildLettermerge;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.HeldDataEnd;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.testsupport.StalledRcpt;

/**
 * The built jar in a child JVM, killed with SIGKILL in the middle of Cy's letter (the third), then the same command
 * run again against the same server. Whether the final "." had gone out decides: UNKNOWN and never resent, or QUEUED
 * and sent; either way nobody gets a second copy.
 * Talks to the scripted SMTP server in test support.
 */
class CrashRecoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CY = "cy@example.org";

    @TempDir Path dir;

    @Test
    void aSenderKilledWhileWaitingForTheReplyToTheFinalDotLeavesThatRowUnknownAndItIsNeverResent() throws Exception {
        AtomicBoolean stalling = new AtomicBoolean(true);
        Script stallOnCysFinalDot = new Script() {
            @Override
            public Reply onDataEnd(byte[] message, int transaction) {
                return stalling.get() && transaction == 2 ? Reply.stall() : Script.super.onDataEnd(message, transaction);
            }
        };
        try (var server = ScriptedSmtpServer.start(stallOnCysFinalDot)) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            try (var child = ChildLettermerge.start(dir, campaign.sendLiveArgs())) {
                server.awaitStall(WAIT);
                assertThat(campaign.row(CY).state()).isEqualTo(State.SENDING);
                assertThat(campaign.history(CY)).extracting(Event::kind).endsWith(EventKind.DATA_HANDOFF);
                child.kill();
            }
            stalling.set(false);

            CliRun rerun = campaign.sendLive();

            assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(ExitCode.SOME_NOT_DELIVERED);
            assertThat(rerun.out()).contains("now UNKNOWN");
            assertThat(campaign.row(CY).state()).isEqualTo(State.UNKNOWN);
            assertThat(campaign.history(CY)).extracting(Event::kind).containsExactly(EventKind.QUEUED,
                    EventKind.CLAIMED, EventKind.DATA_HANDOFF, EventKind.RECOVERED);
            assertThat(campaign.history(CY)).filteredOn(e -> e.kind() == EventKind.RECOVERED).singleElement()
                    .satisfies(e -> assertThat(e.toState()).isEqualTo(State.UNKNOWN));
            assertThat(server.rcptCommandsFor(CY)).isEqualTo(1);
            assertThat(server.messagesTo(CY)).isEmpty();
            for (String address : RECIPIENTS) {
                if (!address.equals(CY)) {
                    assertThat(server.messagesTo(address)).as(address).hasSize(1);
                    assertThat(campaign.row(address).state()).as(address).isEqualTo(State.ACCEPTED);
                }
            }
        }
    }

    @Test
    void aSenderKilledBeforeTheDataLeavesThatRowQueuedAndTheRerunGivesEveryoneExactlyOneCopy() throws Exception {
        StalledRcpt stallOnCysRcpt = new StalledRcpt(CY);
        try (var server = ScriptedSmtpServer.start(stallOnCysRcpt)) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            try (var child = ChildLettermerge.start(dir, campaign.sendLiveArgs())) {
                server.awaitStall(WAIT);
                assertThat(campaign.row(CY).state()).isEqualTo(State.SENDING);
                child.kill();
            }
            stallOnCysRcpt.recover();

            CliRun rerun = campaign.sendLive();

            assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(ExitCode.OK);
            // The killed attempt never reached the final ".": no DATA_HANDOFF between its CLAIMED and the recovery.
            assertThat(campaign.history(CY)).extracting(Event::kind).containsExactly(EventKind.QUEUED,
                    EventKind.CLAIMED, EventKind.RECOVERED, EventKind.CLAIMED, EventKind.DATA_HANDOFF, EventKind.OUTCOME);
            assertThat(campaign.history(CY)).filteredOn(e -> e.kind() == EventKind.RECOVERED).singleElement()
                    .satisfies(e -> assertThat(e.toState()).isEqualTo(State.QUEUED));
            assertThat(campaign.row(CY).state()).isEqualTo(State.ACCEPTED);
            assertThat(campaign.row(CY).attempts()).isEqualTo(2);
            for (String address : RECIPIENTS) {
                assertThat(server.messagesTo(address)).as(address).hasSize(1);
                assertThat(campaign.row(address).state()).as(address).isEqualTo(State.ACCEPTED);
            }
        }
    }

    @Test
    void aSecondLiveSendWhileTheFirstIsStillSendingExitsWithBusyAndLeavesTheFirstAlone() throws Exception {
        HeldDataEnd holdCysFinalDot = new HeldDataEnd(2);
        try (var server = ScriptedSmtpServer.start(holdCysFinalDot)) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            try (var first = ChildLettermerge.start(dir, campaign.sendLiveArgs())) {
                try {
                    assertThat(holdCysFinalDot.awaitHolding(WAIT)).as("the first sender reached Cy").isTrue();

                    CliRun second = campaign.sendLive();

                    assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.BUSY);
                    // Named: the first sender's claim in the log says which process it is.
                    assertThat(second.err()).containsPattern("another Lettermerge \\(process \\d+ on .+, since .+\\) is "
                            + "sending from the delivery log");
                    assertThat(first.isAlive()).isTrue();
                    assertThat(campaign.row(CY).state()).isEqualTo(State.SENDING);
                } finally {
                    holdCysFinalDot.release();
                }
                CliRun firstRun = first.awaitExit();

                assertThat(firstRun.exitCode()).as(firstRun.toString()).isEqualTo(ExitCode.OK);
            }
            for (String address : RECIPIENTS) {
                assertThat(server.messagesTo(address)).as(address).hasSize(1);
                assertThat(campaign.row(address).state()).as(address).isEqualTo(State.ACCEPTED);
                assertThat(campaign.row(address).attempts()).as(address).isEqualTo(1);
            }
        }
    }
}
