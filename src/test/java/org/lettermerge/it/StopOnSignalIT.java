package org.lettermerge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.testsupport.CliCampaign.RECIPIENTS;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.ChildLettermerge;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * SIGTERM (a service manager, `kill`) to the built jar in a child JVM while it sends: it stops cleanly — the letter
 * in flight settled, no new one started, nothing left SENDING — and exits 143 (128 + 15), as the README says.
 * Talks to the scripted SMTP server in test support (and GreenMail where a healthy server will do).
 */
class StopOnSignalIT {

    private static final int SIGTERM_EXIT = 143;
    private static final long WAIT_SECONDS = 60;

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path dir;

    @Test
    void sigtermWhileAPacedSendWaitsForItsNextSlotExits143WithTheRestQueuedAndNothingSending() throws Exception {
        CliCampaign campaign = CliCampaign.write(dir, greenMail.getSmtp().getPort());
        try (var child = ChildLettermerge.start(dir, "send", campaign.file().toString(), "--live", "--rate", "1/min")) {
            assertThat(greenMail.waitForIncomingEmail(TimeUnit.SECONDS.toMillis(WAIT_SECONDS), 1))
                    .as("the first letter went out").isTrue();

            CliRun stopped = child.terminate();

            assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(SIGTERM_EXIT);
            assertThat(stopped.err()).contains("Stopped: letters not yet sent are still queued");
        }
        List<Map<String, Object>> rows = LogRows.recipients(campaign.database());
        assertThat(rows).extracting(r -> r.get("state")).doesNotContain("SENDING");
        assertThat(rows).filteredOn(r -> "ACCEPTED".equals(r.get("state"))).hasSize(greenMail.getReceivedMessages().length);
        assertThat(rows).filteredOn(r -> "QUEUED".equals(r.get("state"))).hasSize(RECIPIENTS.size() - 1);
    }

    // The scripted server, because GreenMail cannot hold its reply to the final "." while the signal arrives.
    @Test
    void sigtermWhileALetterWaitsForTheServersReplySettlesThatLetterAndExits143() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Script holdBeasFinalDot = new Script() {
            @Override
            public Reply onDataEnd(byte[] message, int transaction) {
                if (transaction == 1) {
                    holding.countDown();
                    try {
                        release.await(WAIT_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return Script.super.onDataEnd(message, transaction);
            }
        };
        try (var server = ScriptedSmtpServer.start(holdBeasFinalDot)) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            try (var child = ChildLettermerge.start(dir, campaign.sendLiveArgs())) {
                assertThat(holding.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("Bea's letter is in flight").isTrue();
                assertThat(campaign.row("bea@example.org").state().name()).isEqualTo("SENDING");

                child.signalTermination();
                release.countDown();
                CliRun stopped = child.awaitExit();

                assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(SIGTERM_EXIT);
            }
            // The letter in flight was settled with the server's reply, not left SENDING or taken for UNKNOWN.
            assertThat(campaign.row("bea@example.org").state().name()).isEqualTo("ACCEPTED");
            List<Map<String, Object>> rows = LogRows.recipients(campaign.database());
            assertThat(rows).extracting(r -> r.get("state")).doesNotContain("SENDING", "UNKNOWN");
            // Whether a letter after Bea's began before the signal was seen is a race; each one is settled either way.
            assertThat(rows).filteredOn(r -> "ACCEPTED".equals(r.get("state"))).hasSize(server.messages().size());
        }
    }
}
