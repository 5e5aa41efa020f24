package org.lettermerge.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.schedule.Scheduler;
import org.lettermerge.schedule.Sleeper;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.testsupport.TestTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pause from another connection to the log while a letter is in flight: it settles, nothing new starts.
 * Talks to the scripted SMTP server in test support.
 */
class StopMeansStopIT {

    @TempDir Path dir;

    @Test
    void onceAPauseReturnsTheRunningSchedulerStartsNoFurtherLetter() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Script holdSecondReply = new Script() {
            @Override
            public Reply onDataEnd(byte[] message, int transaction) {
                if (transaction == 1) {
                    held.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return Script.super.onDataEnd(message, transaction);
            }
        };
        try (var server = ScriptedSmtpServer.start(holdSecondReply)) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "", "", ScheduledCampaign.recipients(5));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();

            StopSignal stop = new StopSignal();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            // Runs on (idle polls on the test clock) for an hour after the pause: time enough to start a letter.
            Thread scheduler = new Thread(() -> {
                try {
                    campaign.runScheduler(time, time.sleeperUntil(stop, () -> false,
                            time.instant().plus(Duration.ofHours(1))), stop, Scheduler.Mode.FOREVER);
                } catch (Throwable t) {
                    failed.set(t);
                }
            }, "scheduler-under-test");
            scheduler.start();
            assertThat(held.await(30, TimeUnit.SECONDS)).as("the second letter reached its final dot").isTrue();

            Controls.Stopped stopped;
            try (DeliveryLog log2 = DeliveryLog.openExisting(campaign.database(), time)) {
                // The reply is released only once the pause is committed and Controls waits for the letter in flight.
                Sleeper releaseThenWait = d -> {
                    release.countDown();
                    Sleeper.REAL.sleep(d);
                };
                stopped = new Controls(log2, time, releaseThenWait).pause(campaign.campaign(), Duration.ofSeconds(5));
            }
            long mailFromsWhenPauseReturned = mailFroms(server);

            scheduler.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(scheduler.isAlive()).as("the scheduler ended its hour of idle polling").isFalse();
            assertThat(failed.get()).isNull();

            assertThat(stopped.changed()).isTrue();
            assertThat(stopped.inFlightSettled()).isTrue();
            assertThat(mailFromsWhenPauseReturned).isEqualTo(2);
            assertThat(mailFroms(server)).isEqualTo(2);
            assertThat(campaign.row(ScheduledCampaign.address(2)).state()).isEqualTo(State.ACCEPTED);
            for (int i = 3; i <= 5; i++) {
                var row = campaign.row(ScheduledCampaign.address(i));
                assertThat(row.state()).isEqualTo(State.QUEUED);
                assertThat(row.attempts()).isZero();
            }
            assertThat(time.instant()).isAfter(Instant.parse("2027-01-04T11:00:00Z"));
        }
    }

    private static long mailFroms(ScriptedSmtpServer server) {
        return server.commands().stream().filter(c -> c.toUpperCase().startsWith("MAIL FROM")).count();
    }
}
