package org.lettermerge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.testsupport.CliCampaign.RECIPIENTS;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.cli.ExitCode;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * Replies about one recipient (RFC 5321 4.2.1: 4yz transient, 5yz permanent), through the real CLI: the row gets the
 * reply, everyone else is still sent, and a second run retries exactly the transient ones.
 * Talks to the scripted SMTP server in test support.
 */
class RecipientRepliesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BEA = "bea@example.org";

    @TempDir Path dir;

    @Test
    void a450OnRcptDefersThatRowAndALaterRunRetriesOnlyItOnceItsRetryTimeHasCome() {
        AtomicBoolean firstAsk = new AtomicBoolean(true);
        Script busyOnce = new Script() {
            @Override
            public Reply onRcpt(String address, int transaction) {
                return address.equals(BEA) && firstAsk.getAndSet(false)
                        ? Reply.code(450, "4.2.1 Mailbox temporarily unavailable")
                        : Script.super.onRcpt(address, transaction);
            }
        };
        try (var server = ScriptedSmtpServer.start(busyOnce)) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());

            CliRun first = campaign.sendLive();

            assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.SOME_NOT_DELIVERED);
            StoredRecipient bea = campaign.row(BEA);
            assertThat(bea.state()).isEqualTo(State.DEFERRED);
            assertThat(bea.smtpCode()).isEqualTo(450);
            assertThat(bea.smtpReply()).contains("Mailbox temporarily unavailable");
            assertThat(campaign.rows().values()).filteredOn(r -> !r.email().equals(BEA))
                    .extracting(StoredRecipient::state).containsOnly(State.ACCEPTED).hasSize(4);
            assertThat(server.messages()).hasSize(4);
            assertThat(server.messagesTo(BEA)).isEmpty();
            // The first retry waits five minutes (Postfix's default), counted from the attempt.
            assertThat(bea.nextAttemptAt()).isBetween(bea.lastAttemptAt().plus(Duration.ofMinutes(5)),
                    bea.lastAttemptAt().plus(Duration.ofMinutes(5)).plusSeconds(1));

            CliRun tooSoon = campaign.sendLive();

            assertThat(tooSoon.out()).as(tooSoon.toString()).contains("1 letter waits").contains("the next one can go at")
                    .doesNotContain("Nothing to send now");
            assertThat(server.rcptCommandsFor(BEA)).isEqualTo(1);

            CliRun second = campaign.sendLive(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)));

            assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
            assertThat(campaign.row(BEA).state()).isEqualTo(State.ACCEPTED);
            assertThat(campaign.row(BEA).attempts()).isEqualTo(2);
            for (String address : RECIPIENTS) {
                assertThat(server.messagesTo(address)).as(address).hasSize(1);
                assertThat(server.rcptCommandsFor(address)).as(address).isEqualTo(address.equals(BEA) ? 2 : 1);
            }
        }
    }

    @Test
    void a550UserUnknownFailsThatRowAndNoLaterRunSendsToItAgain() {
        try (var server = ScriptedSmtpServer.start(Script.rejectRcpt(BEA, 550, "5.1.1 User unknown"))) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());

            CliRun first = campaign.sendLive();

            assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.SOME_NOT_DELIVERED);
            assertThat(campaign.row(BEA).state()).isEqualTo(State.FAILED);
            assertThat(campaign.row(BEA).smtpCode()).isEqualTo(550);
            assertThat(campaign.row(BEA).smtpReply()).contains("5.1.1 User unknown");
            assertThat(server.awaitMessages(4, WAIT)).hasSize(4);

            CliRun second = campaign.sendLive();

            assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.SOME_NOT_DELIVERED);
            assertThat(second.out()).contains("Nothing to send");
            assertThat(server.rcptCommandsFor(BEA)).isEqualTo(1);
            assertThat(server.messages()).hasSize(4);
            assertThat(campaign.row(BEA).state()).isEqualTo(State.FAILED);
            assertThat(campaign.row(BEA).attempts()).isEqualTo(1);
        }
    }

    @Test
    void a554AfterTheDataFailsThatRow() {
        // Transaction 1 is the second letter, Bea's: rows are sent in queue order over one connection.
        try (var server = ScriptedSmtpServer.start(Script.replyAfterData(1, 554, "5.6.0 Message rejected as spam"))) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());

            CliRun run = campaign.sendLive();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SOME_NOT_DELIVERED);
            assertThat(campaign.row(BEA).state()).isEqualTo(State.FAILED);
            assertThat(campaign.row(BEA).smtpCode()).isEqualTo(554);
            assertThat(campaign.row(BEA).smtpReply()).contains("Message rejected as spam");
            assertThat(othersThan(campaign)).containsOnly(State.ACCEPTED).hasSize(4);
            assertThat(server.messagesTo(BEA)).isEmpty();
        }
    }

    @Test
    void a451AfterTheDataDefersThatRow() {
        try (var server = ScriptedSmtpServer.start(Script.replyAfterData(1, 451, "4.3.0 Local error in processing"))) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());

            CliRun run = campaign.sendLive();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SOME_NOT_DELIVERED);
            assertThat(campaign.row(BEA).state()).isEqualTo(State.DEFERRED);
            assertThat(campaign.row(BEA).smtpCode()).isEqualTo(451);
            assertThat(campaign.row(BEA).smtpReply()).contains("Local error in processing");
            assertThat(othersThan(campaign)).containsOnly(State.ACCEPTED).hasSize(4);
        }
    }

    private static List<State> othersThan(CliCampaign campaign) {
        return campaign.rows().values().stream().filter(r -> !r.email().equals(BEA)).map(StoredRecipient::state).toList();
    }
}
