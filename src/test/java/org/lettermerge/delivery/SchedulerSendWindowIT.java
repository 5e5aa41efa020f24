package org.lettermerge.delivery;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.schedule.Scheduler;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.testsupport.TestTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send window, in the campaign's zone or the recipient's, across a weekend with a daylight-saving change.
 * Talks to the scripted SMTP server in test support.
 */
class SchedulerSendWindowIT {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String WINDOW = """
            window: Mon-Fri 09:00-17:00
            timezone: America/New_York
            """;

    @TempDir Path dir;

    @Test
    void lettersLeftOnFridayAfternoonGoOnMondayAtNineDespiteTheClockChangeOnSunday() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "rate: 1/min", WINDOW,
                    ScheduledCampaign.recipients(5));
            // Friday 2027-03-12 16:58 EST; New York moves to EDT on Sunday 2027-03-14.
            TestTime time = TestTime.at("2027-03-12T21:58:00Z");
            assertThat(campaign.queue(time, "2027-03-12 16:58 America/New_York").exitCode()).isZero();

            StopSignal stop = new StopSignal();
            campaign.runScheduler(time, time.sleeperUntil(stop, () -> server.messages().size() >= 5,
                    Instant.parse("2027-03-17T00:00:00Z")), stop, Scheduler.Mode.FOREVER);

            assertThat(campaign.claimTimes()).containsExactly(
                    Instant.parse("2027-03-12T21:58:00Z"), Instant.parse("2027-03-12T21:59:00Z"),
                    Instant.parse("2027-03-15T13:00:00Z"), Instant.parse("2027-03-15T13:01:00Z"),
                    Instant.parse("2027-03-15T13:02:00Z"));
            assertThat(server.messages()).hasSize(5);
            for (int i = 1; i <= 5; i++) {
                assertThat(server.messagesTo(ScheduledCampaign.address(i))).hasSize(1);
            }
        }
    }

    /** status's next letter is the scheduler's decision: Monday's opening, not "now", while the window is shut. */
    @Test
    void afterFridaysWindowClosesStatusSaysTheNextLetterGoesOnMondayAtNine() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "rate: 1/min", WINDOW,
                    ScheduledCampaign.recipients(5));
            TestTime time = TestTime.at("2027-03-12T21:58:00Z");
            assertThat(campaign.queue(time, "2027-03-12 16:58 America/New_York").exitCode()).isZero();

            StopSignal stop = new StopSignal();
            Scheduler.Report report = campaign.runScheduler(time, time.sleeperUntil(stop, () -> false,
                    Instant.parse("2027-03-17T00:00:00Z")), stop, Scheduler.Mode.UNTIL_IDLE);

            assertThat(server.messages()).hasSize(2);
            assertThat(report.nextAction()).isEqualTo(Instant.parse("2027-03-15T13:00:00Z"));
            CliRun status = campaign.cli(time, "status", campaign.campaignFile(), "--format", "json");
            assertThat(status.out()).contains("\"next_letter_at\" : \"2027-03-15T13:00:00Z\"");
        }
    }

    @Test
    void aRecipientInTokyoGetsTheLetterInsideTokyosWindow() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "rate: 1/min", WINDOW, """
                    email,name,timezone
                    ny@example.org,Nia,
                    tokyo@example.org,Taro,Asia/Tokyo
                    """);
            // Friday 16:58 in New York is already Saturday 06:58 in Tokyo: its window opens Monday 09:00 JST.
            TestTime time = TestTime.at("2027-03-12T21:58:00Z");
            assertThat(campaign.queue(time, "2027-03-12 16:58 America/New_York").exitCode()).isZero();

            StopSignal stop = new StopSignal();
            campaign.runScheduler(time, time.sleeperUntil(stop, () -> server.messages().size() >= 2,
                    Instant.parse("2027-03-17T00:00:00Z")), stop, Scheduler.Mode.FOREVER);

            assertThat(campaign.claimTimes("ny@example.org")).containsExactly(Instant.parse("2027-03-12T21:58:00Z"));
            List<Instant> tokyo = campaign.claimTimes("tokyo@example.org");
            assertThat(tokyo).containsExactly(Instant.parse("2027-03-15T00:00:00Z"));
            ZonedDateTime local = tokyo.get(0).atZone(TOKYO);
            assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            // In New York that is Sunday evening: the campaign's own window would not have allowed it.
            assertThat(tokyo.get(0).atZone(NEW_YORK).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(server.messagesTo("tokyo@example.org")).hasSize(1);
        }
    }
}
