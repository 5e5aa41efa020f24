package org.lettermerge.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.schedule.Scheduler;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.store.Event;
import org.lettermerge.store.EventKind;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.testsupport.TestTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The account's pace and rolling daily cap, end to end: CLI queue, scheduler, real SMTP, slots in the log.
 * Talks to the scripted SMTP server in test support.
 */
class SchedulerPacingIT {

    @TempDir Path dir;

    @Test
    void tenPerMinuteNeverPutsMoreThanTenLettersInAnyMinute() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "rate: 10/min", "",
                    ScheduledCampaign.recipients(40));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();

            StopSignal stop = new StopSignal();
            campaign.runScheduler(time, time.sleeperUntil(stop, () -> server.messages().size() >= 40,
                    time.instant().plus(Duration.ofHours(1))), stop, Scheduler.Mode.FOREVER);

            assertThat(server.messages()).hasSize(40);
            List<Instant> claims = campaign.claimTimes();
            assertThat(claims).hasSize(40);
            assertThat(busiestMinute(claims)).isLessThanOrEqualTo(10);
            // Waiting for the pace must not skip letters: they go in queue order.
            assertThat(campaign.events(EventKind.CLAIMED)).extracting(Event::recipientId).isSorted();
            double perMinute = (claims.size() - 1) * 60.0
                    / Duration.between(claims.get(0), claims.get(claims.size() - 1)).toSeconds();
            assertThat(perMinute).isCloseTo(10.0, withinPercentage(2));
            assertThat(LogRows.query(campaign.database(), "SELECT count(*) AS n FROM account_send").get(0).get("n"))
                    .isEqualTo(40);
        }
    }

    @Test
    void aDailyCapSendsTheRestOnlyOnceTheFirstSlotIsADayOld() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "daily_cap: 5", "",
                    ScheduledCampaign.recipients(8));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();
            Instant start = time.instant();

            // First run: stops at its first wait, which reports when the next letter may go.
            StopSignal first = new StopSignal();
            Scheduler.Report report = campaign.runScheduler(time, time.sleeperUntil(first, () -> true, start), first,
                    Scheduler.Mode.FOREVER);
            assertThat(server.messages()).hasSize(5);
            assertThat(report.nextAction()).isEqualTo(start.plus(Duration.ofHours(24)));
            assertThat(campaign.rows().values()).filteredOn(r -> r.state() == State.QUEUED).hasSize(3);

            StopSignal second = new StopSignal();
            campaign.runScheduler(time, time.sleeperUntil(second, () -> server.messages().size() >= 8,
                    start.plus(Duration.ofDays(3))), second, Scheduler.Mode.FOREVER);

            List<Instant> claims = campaign.claimTimes();
            assertThat(claims).hasSize(8);
            assertThat(claims.subList(0, 5)).allMatch(start::equals);
            assertThat(claims.subList(5, 8)).allMatch(start.plus(Duration.ofHours(24))::equals);
            assertThat(campaign.rows().values()).allMatch(r -> r.state() == State.ACCEPTED && r.attempts() == 1);
        }
    }

    /** send --live and run --once (for cron) must not sleep a day for the cap: they end, saying when it frees. */
    @Test
    void aRunThatSendsWhatItCanNowEndsAtTheDailyCapInsteadOfWaitingForIt() throws Exception {
        for (Scheduler.Mode mode : List.of(Scheduler.Mode.UNTIL_IDLE, Scheduler.Mode.ONCE)) {
            try (var server = ScriptedSmtpServer.start()) {
                Path folder = Files.createDirectories(dir.resolve(mode.name()));
                var campaign = ScheduledCampaign.write(folder, server.port(), "daily_cap: 5", "",
                        ScheduledCampaign.recipients(8));
                TestTime time = TestTime.at("2027-01-04T10:00:00Z");
                assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();
                Instant start = time.instant();

                StopSignal stop = new StopSignal();
                Scheduler.Report report = campaign.runScheduler(time,
                        time.sleeperUntil(stop, () -> false, start.plus(Duration.ofDays(3))), stop, mode);

                assertThat(server.messages()).as(mode.name()).hasSize(5);
                assertThat(time.instant()).as("no time slept through: " + mode).isEqualTo(start);
                assertThat(report.nextAction()).isEqualTo(start.plus(Duration.ofHours(24)));
                assertThat(campaign.rows().values()).filteredOn(r -> r.state() == State.QUEUED).hasSize(3);
                // status tells the same time, not "now".
                CliRun status = campaign.cli(time, "status", campaign.campaignFile(), "--format", "json");
                assertThat(status.out()).contains("\"next_letter_at\" : \"2027-01-05T10:00:00Z\"");
            }
        }
    }

    /** The most claims in any half-open 60-second window [t, t + 60 s) starting at a claim. */
    private static int busiestMinute(List<Instant> claims) {
        int most = 0;
        for (int i = 0; i < claims.size(); i++) {
            Instant end = claims.get(i).plusSeconds(60);
            int n = (int) claims.stream().skip(i).filter(c -> c.isBefore(end)).count();
            most = Math.max(most, n);
        }
        return most;
    }
}
