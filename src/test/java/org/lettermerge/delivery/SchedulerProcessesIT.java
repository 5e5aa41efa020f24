package org.lettermerge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.ChildLettermerge;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * `lettermerge run` in a child JVM against a second sender in this one, and killed with SIGKILL mid-campaign:
 * each letter still reaches its recipient once, and the account's spent budget survives the crash.
 * Talks to the scripted SMTP server in test support.
 */
class SchedulerProcessesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir Path dir;

    @Test
    void whileRunIsSendingASecondSenderIsRefusedAndEveryLetterArrivesOnce() throws Exception {
        int letters = 6;
        try (var server = ScriptedSmtpServer.start()) {
            // Paced so that the campaign is still going when the second sender tries.
            var campaign = ScheduledCampaign.write(dir, server.port(), "rate: 120/min", "",
                    ScheduledCampaign.recipients(letters));
            var queued = campaign.queue(Clock.systemUTC(), soon());
            assertThat(queued.exitCode()).as(queued.toString()).isZero();

            try (var child = ChildLettermerge.start(dir, "run", "--db", campaign.database().toString(), "--poll", "1s")) {
                server.awaitMessages(1, WAIT);

                var send = campaign.cli(Clock.systemUTC(), "send", campaign.campaignFile(), "--live");
                var secondRun = campaign.cli(Clock.systemUTC(), "run", "--db", campaign.database().toString(), "--once");

                assertThat(send.exitCode()).as(send.toString()).isEqualTo(7);
                assertThat(secondRun.exitCode()).as(secondRun.toString()).isEqualTo(7);
                server.awaitMessages(letters, WAIT);
                assertThat(child.isAlive()).as(child.output().toString()).isTrue();
                child.kill();
            }
            for (int i = 1; i <= letters; i++) {
                assertThat(server.messagesTo(ScheduledCampaign.address(i))).hasSize(1);
            }
            assertThat(server.messages()).hasSize(letters);
        }
    }

    @Test
    void afterAKillMinusNineARestartFinishesOnceAndKeepsTheSpentBudget() throws Exception {
        int letters = 30;
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "rate: 600/min", "",
                    ScheduledCampaign.recipients(letters));
            var queued = campaign.queue(Clock.systemUTC(), soon());
            assertThat(queued.exitCode()).as(queued.toString()).isZero();

            try (var child = ChildLettermerge.start(dir, "run", "--db", campaign.database().toString(), "--poll", "1s")) {
                server.awaitMessages(10, WAIT);
                child.kill();
            }
            List<Object> slotsBeforeRestart = slots(campaign);
            assertThat(slotsBeforeRestart).hasSizeGreaterThanOrEqualTo(10);

            var restart = campaign.cli(Clock.systemUTC(), "run", "--db", campaign.database().toString(), "--once");

            assertThat(restart.exitCode()).as(restart.toString()).isZero();
            for (var row : campaign.rows().values()) {
                int copies = server.messagesTo(row.email()).size();
                if (row.state() == State.UNKNOWN) {
                    assertThat(copies).as(row.email()).isLessThanOrEqualTo(1);
                } else {
                    assertThat(row.state()).as(row.email()).isEqualTo(State.ACCEPTED);
                    assertThat(copies).as(row.email()).isEqualTo(1);
                }
            }
            List<Object> slotsAfter = slots(campaign);
            assertThat(slotsAfter).containsAll(slotsBeforeRestart);
            // One slot per claim, across both processes: the restart spent only what it sent.
            assertThat(slotsAfter).hasSize(campaign.claimTimes().size());
        }
    }

    /**
     * A start a few seconds from now, to the second: --at must not be in the past when the command reads it, and a
     * loaded machine may take a second or two to get there.
     */
    private static String soon() {
        return Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static List<Object> slots(ScheduledCampaign campaign) {
        return LogRows.query(campaign.database(), "SELECT at FROM account_send ORDER BY at").stream()
                .map(r -> r.get("at")).toList();
    }
}
