package org.lettermerge.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.schedule.Scheduler;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.store.Event;
import org.lettermerge.store.EventKind;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.testsupport.TestTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deferred letters are retried on the backoff schedule, never earlier, and given up after the lifetime.
 * Talks to the scripted SMTP server in test support.
 */
class SchedulerRetryIT {

    @TempDir Path dir;

    @Test
    void aLetterDeferredEveryTimeIsRetriedWithGrowingWaitsThenFailsWhenItsLifetimeRunsOut() throws Exception {
        String greylisted = ScheduledCampaign.address(1);
        try (var server = ScriptedSmtpServer.start(Script.onRcptOf(greylisted,
                Reply.code(450, "4.2.0 Greylisted, try again later")))) {
            // Lifetime 3 h: long enough to show two 1-hour waits after the cap, short enough to expire in the test.
            var campaign = ScheduledCampaign.write(dir, server.port(), "", """
                    retry: {first: 5m, max: 1h, lifetime: 3h}
                    """, ScheduledCampaign.recipients(1));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();
            Instant start = time.instant();

            StopSignal stop = new StopSignal();
            // Runs on for 3 h after the lifetime to show that a FAILED letter is never tried again.
            campaign.runScheduler(time, time.sleeperUntil(stop, () -> false, start.plus(Duration.ofHours(6))), stop,
                    Scheduler.Mode.FOREVER);

            List<Instant> claims = campaign.claimTimes(greylisted);
            List<Duration> waits = new ArrayList<>();
            for (int i = 1; i < claims.size(); i++) {
                waits.add(Duration.between(claims.get(i - 1), claims.get(i)));
            }
            assertThat(claims.get(0)).isEqualTo(start);
            // Each retry happens exactly when due: never earlier, and the idle poll makes it no later either.
            assertThat(waits).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
                    Duration.ofMinutes(40), Duration.ofHours(1), Duration.ofHours(1));
            assertThat(server.rcptCommandsFor(greylisted)).isEqualTo(7);

            var row = campaign.row(greylisted);
            assertThat(row.state()).isEqualTo(State.FAILED);
            assertThat(row.attempts()).isEqualTo(7);
            assertThat(row.nextAttemptAt()).isNull();
            // What status and the report show is why it failed, with the server's last word after it.
            assertThat(row.smtpReply()).startsWith("delivery time expired (kept trying since 2027-01-04T10:00:00Z)")
                    .endsWith("the server's last reply: 450 4.2.0 Greylisted, try again later");
            CliRun status = campaign.cli(time, "status", campaign.campaignFile(), "--format", "csv");
            assertThat(status.out()).contains("delivery time expired");
            Event last = campaign.events(EventKind.OUTCOME).get(6);
            assertThat(last.toState()).isEqualTo(State.FAILED);
            assertThat(last.detail()).contains("delivery time expired");
            // Every deferral before it named the next attempt time that the following claim then kept.
            List<Event> deferrals = campaign.events(EventKind.OUTCOME).subList(0, 6);
            for (int i = 0; i < deferrals.size(); i++) {
                assertThat(deferrals.get(i).toState()).isEqualTo(State.DEFERRED);
                assertThat(deferrals.get(i).detail()).contains("next attempt after " + claims.get(i + 1));
            }
        }
    }
}
