package org.lettermerge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.schedule.Scheduler;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.PauseKind;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.testsupport.TestTime;

/**
 * A provider's cap on the letters one connection may carry (`messages_per_connection`): a new connection after
 * every N letters, and a server that cannot be reached for the new one costs nothing already sent. Talks to the
 * scripted SMTP server in test support.
 */
class SchedulerConnectionCapIT {

    @TempDir Path dir;

    @Test
    void everyTwoLettersTheSenderOpensANewConnection() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "messages_per_connection: 2", "",
                    ScheduledCampaign.recipients(5));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();

            campaign.runScheduler(time, time.sleeperUntil(new StopSignal(), () -> false, time.instant()),
                    new StopSignal(), Scheduler.Mode.UNTIL_IDLE);

            assertThat(server.messages()).hasSize(5);
            assertThat(server.messages()).extracting(m -> m.connection()).containsExactly(1, 1, 2, 2, 3);
            assertThat(campaign.rows().values()).allMatch(r -> r.state() == State.ACCEPTED);
        }
    }

    @Test
    void aServerThatRefusesTheNextConnectionLeavesTheLettersSentAcceptedAndTheRestQueued() throws Exception {
        Script secondConnectionRefused = new Script() {
            @Override
            public Reply onGreeting(int connection) {
                return connection == 1 ? Reply.code(220, "127.0.0.1 ESMTP scripted")
                        : Reply.code(421, "4.3.2 Service not available, closing transmission channel");
            }
        };
        try (var server = ScriptedSmtpServer.start(secondConnectionRefused)) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "messages_per_connection: 2", "",
                    ScheduledCampaign.recipients(5));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();

            campaign.runScheduler(time, time.sleeperUntil(new StopSignal(), () -> false, time.instant()),
                    new StopSignal(), Scheduler.Mode.UNTIL_IDLE);

            assertThat(server.messages()).hasSize(2);
            assertThat(campaign.row(ScheduledCampaign.address(1)).state()).isEqualTo(State.ACCEPTED);
            // The letter that reached the cap keeps its outcome: not left SENDING, to come back UNKNOWN.
            assertThat(campaign.row(ScheduledCampaign.address(2)).state()).isEqualTo(State.ACCEPTED);
            for (int i = 3; i <= 5; i++) {
                var row = campaign.row(ScheduledCampaign.address(i));
                assertThat(row.state()).isEqualTo(State.QUEUED);
                assertThat(row.attempts()).isZero();
            }
            assertThat(campaign.campaign().state()).isEqualTo(CampaignState.PAUSED);
            assertThat(campaign.campaign().pauseKind()).isEqualTo(PauseKind.UNREACHABLE);
        }
    }
}
