package org.lettermerge.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.schedule.Scheduler;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.EventKind;
import org.lettermerge.store.PauseKind;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.testsupport.TestTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler pauses a campaign on a missed start, a tripped error budget and the server's push-back.
 * Talks to the scripted SMTP server in test support.
 */
class SchedulerPauseIT {

    /** Every address is refused permanently, as with a list full of typos. */
    private static final Script UNKNOWN_USERS = new Script() {
        @Override
        public Reply onRcpt(String address, int transaction) {
            return Reply.code(550, "5.1.1 User unknown");
        }
    };

    private static final Instant T = Instant.parse("2027-01-04T10:00:00Z");

    @TempDir Path dir;

    @Test
    void aStartMissedByMoreThanTheGracePeriodWaitsForResumeThenSendsEveryone() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "", "", ScheduledCampaign.recipients(3));
            TestTime time = TestTime.at(T.minus(Duration.ofHours(1)));
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();

            time.set(T.plus(Duration.ofHours(2)));
            campaign.runScheduler(time, time.sleeper(), new StopSignal(), Scheduler.Mode.ONCE);

            assertThat(server.commands()).noneMatch(c -> c.toUpperCase().startsWith("MAIL FROM"));
            assertThat(campaign.campaign().state()).isEqualTo(CampaignState.PAUSED);
            assertThat(campaign.campaign().pauseKind()).isEqualTo(PauseKind.MISSED);
            assertThat(campaign.rows().values()).allMatch(r -> r.state() == State.QUEUED && r.attempts() == 0);

            assertThat(campaign.cli(time, "resume", campaign.campaignFile()).exitCode()).isZero();
            campaign.runScheduler(time, time.sleeper(), new StopSignal(), Scheduler.Mode.ONCE);

            assertThat(server.messages()).hasSize(3);
            assertThat(campaign.rows().values()).allMatch(r -> r.state() == State.ACCEPTED);
        }
    }

    @Test
    void aStartMissedByLessThanTheGracePeriodIsSentNormally() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "", "", ScheduledCampaign.recipients(3));
            TestTime time = TestTime.at(T.minus(Duration.ofHours(1)));
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();

            time.set(T.plus(Duration.ofMinutes(30)));
            campaign.runScheduler(time, time.sleeper(), new StopSignal(), Scheduler.Mode.ONCE);

            assertThat(server.messages()).hasSize(3);
            assertThat(campaign.campaign().state()).isEqualTo(CampaignState.ACTIVE);
        }
    }

    @Test
    void threePermanentFailuresInARowPauseTheCampaignAndLeaveTheRestUntouched() throws Exception {
        try (var server = ScriptedSmtpServer.start(UNKNOWN_USERS)) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "", "error_budget: 3",
                    ScheduledCampaign.recipients(6));
            TestTime time = TestTime.at(T);
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();

            campaign.runScheduler(time, time.sleeper(), new StopSignal(), Scheduler.Mode.ONCE);

            assertThat(campaign.campaign().state()).isEqualTo(CampaignState.PAUSED);
            assertThat(campaign.campaign().pauseKind()).isEqualTo(PauseKind.ERROR_BUDGET);
            var rows = campaign.rows().values().stream().toList();
            assertThat(rows.subList(0, 3)).allMatch(r -> r.state() == State.FAILED && r.attempts() == 1);
            assertThat(rows.subList(3, 6)).allMatch(r -> r.state() == State.QUEUED && r.attempts() == 0);
            for (int i = 4; i <= 6; i++) {
                assertThat(server.rcptCommandsFor(ScheduledCampaign.address(i))).isZero();
            }
        }
    }

    @Test
    void failuresThatUseUpTheErrorBudgetWithTheLastLettersLeaveTheCampaignFinishedNotPaused() throws Exception {
        try (var server = ScriptedSmtpServer.start(UNKNOWN_USERS)) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "", "error_budget: 3",
                    ScheduledCampaign.recipients(3));
            TestTime time = TestTime.at(T);
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();

            campaign.runScheduler(time, time.sleeper(), new StopSignal(), Scheduler.Mode.ONCE);

            assertThat(campaign.rows().values()).allMatch(r -> r.state() == State.FAILED);
            assertThat(campaign.campaign().state()).isEqualTo(CampaignState.ACTIVE);
            assertThat(campaign.campaign().pauseKind()).isNull();
        }
    }

    @Test
    void throttlingPausesTightensThePaceAndResumesByItselfAfterFifteenMinutes() throws Exception {
        try (var server = ScriptedSmtpServer.start(onMailFromOf(2, Reply.code(454, "4.7.0 Throttling failure")))) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "rate: 60/min", "",
                    ScheduledCampaign.recipients(5));
            TestTime time = TestTime.at(T);
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();

            Scheduler.Report paused = campaign.runScheduler(time, time.sleeper(), new StopSignal(),
                    Scheduler.Mode.ONCE);

            Instant refusedAt = time.instant();
            var record = campaign.campaign();
            assertThat(record.state()).isEqualTo(CampaignState.PAUSED);
            assertThat(record.pauseKind()).isEqualTo(PauseKind.THROTTLE);
            assertThat(record.resumeAt()).isEqualTo(refusedAt.plus(Duration.ofMinutes(15)));
            assertThat(paused.nextAction()).isEqualTo(record.resumeAt());
            StoredRecipient refused = campaign.row(ScheduledCampaign.address(3));
            assertThat(refused.state()).isEqualTo(State.QUEUED);
            assertThat(refused.attempts()).isEqualTo(1);
            assertThat(campaign.row(ScheduledCampaign.address(4)).attempts()).isZero();
            assertThat(campaign.row(ScheduledCampaign.address(5)).attempts()).isZero();
            assertThat(LogRows.query(campaign.database(), "SELECT tightened FROM account").get(0).get("tightened"))
                    .isEqualTo(1);
            assertThat(campaign.events(EventKind.PACE_TIGHTENED)).hasSize(1);
            assertThat(server.messages()).hasSize(2);
            // The log keeps the order things happened in: the refused letter's outcome, then what it caused.
            long refusedOutcome = campaign.events(EventKind.OUTCOME).stream()
                    .filter(e -> e.recipientId() == refused.id()).findFirst().orElseThrow().id();
            assertThat(refusedOutcome).isLessThan(campaign.events(EventKind.PACE_TIGHTENED).get(0).id())
                    .isLessThan(campaign.events(EventKind.PAUSED).get(0).id());
            // A letter's outcome is written with the next claim, and before it.
            long first = campaign.row(ScheduledCampaign.address(1)).id();
            long second = campaign.row(ScheduledCampaign.address(2)).id();
            long firstOutcome = campaign.events(EventKind.OUTCOME).stream()
                    .filter(e -> e.recipientId() == first).findFirst().orElseThrow().id();
            long secondClaim = campaign.events(EventKind.CLAIMED).stream()
                    .filter(e -> e.recipientId() == second).findFirst().orElseThrow().id();
            assertThat(firstOutcome).isLessThan(secondClaim);

            time.set(record.resumeAt().plusSeconds(1));
            campaign.runScheduler(time, time.sleeper(), new StopSignal(), Scheduler.Mode.ONCE);

            assertThat(campaign.campaign().state()).isEqualTo(CampaignState.ACTIVE);
            assertThat(server.messages()).hasSize(5);
            for (int i = 1; i <= 5; i++) {
                assertThat(server.messagesTo(ScheduledCampaign.address(i))).hasSize(1);
            }
        }
    }

    @Test
    void aRefusedLoginPausesUntilTheOrganizerResumes() throws Exception {
        try (var server = ScriptedSmtpServer.start(onMailFromOf(2, Reply.code(535, "5.7.8 Authentication failed")))) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "", "", ScheduledCampaign.recipients(5));
            TestTime time = TestTime.at(T);
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();

            campaign.runScheduler(time, time.sleeper(), new StopSignal(), Scheduler.Mode.ONCE);
            assertThat(campaign.campaign().pauseKind()).isEqualTo(PauseKind.SERVER);
            assertThat(campaign.campaign().resumeAt()).isNull();

            // A day later, with the scheduler running, nothing has resumed it.
            StopSignal stop = new StopSignal();
            campaign.runScheduler(time, time.sleeperUntil(stop, () -> false, T.plus(Duration.ofDays(1))), stop,
                    Scheduler.Mode.FOREVER);

            assertThat(campaign.campaign().state()).isEqualTo(CampaignState.PAUSED);
            assertThat(server.messages()).hasSize(2);
            assertThat(campaign.row(ScheduledCampaign.address(3)).state()).isEqualTo(State.QUEUED);
            assertThat(campaign.row(ScheduledCampaign.address(4)).attempts()).isZero();
        }
    }

    /** Healthy, except that the MAIL FROM beginning transaction {@code n} (0-based) gets {@code reply}. */
    private static Script onMailFromOf(int n, Reply reply) {
        return new Script() {
            @Override
            public Reply onMailFrom(String address, int transaction) {
                return transaction == n ? reply : Script.super.onMailFrom(address, transaction);
            }
        };
    }
}
