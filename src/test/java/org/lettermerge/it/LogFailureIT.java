package org.lettermerge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.testsupport.CliCampaign.RECIPIENTS;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.cli.ExitCode;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.Event;
import org.lettermerge.store.EventKind;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * The delivery log refuses a write in the middle of a run: nothing more may be sent, because a letter the log cannot
 * record is a letter a later run might send twice. The failure is real, not mocked: the test puts a trigger into the
 * SQLite file that aborts one particular write, the way a full disk would (root ignores chmod, so a read-only file
 * cannot stand in for it). Our store code runs unchanged.
 * Talks to the scripted SMTP server in test support.
 */
class LogFailureIT {

    private static final String CY = "cy@example.org";

    @TempDir Path dir;

    @Test
    void aHandoffTheLogCannotRecordIsNeverSentAndNothingAfterItIsSent() throws SQLException {
        try (var server = ScriptedSmtpServer.start()) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            failWritesOf(campaign, "DATA_HANDOFF");

            CliRun run = campaign.sendLive();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.LOG_UNAVAILABLE);
            assertThat(run.err()).contains("Delivery log problem").contains("it was not sent");
            assertThat(server.messages()).hasSize(2);
            assertThat(server.messagesTo(CY)).isEmpty();
            assertThat(campaign.row(CY).state()).isEqualTo(State.SENDING);
            assertLaterRowsUntouched(campaign, server);

            repair(campaign);
            CliRun rerun = campaign.sendLive();

            assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(ExitCode.OK);
            assertThat(campaign.history(CY)).filteredOn(e -> e.kind() == EventKind.RECOVERED).singleElement()
                    .extracting(Event::toState).isEqualTo(State.QUEUED);
            RECIPIENTS.forEach(a -> assertThat(server.messagesTo(a)).as(a).hasSize(1));
        }
    }

    @Test
    void anOutcomeTheLogCannotRecordStopsTheRunAndThatLetterIsNeverSentAgain() throws SQLException {
        try (var server = ScriptedSmtpServer.start()) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            failWritesOf(campaign, "OUTCOME");

            CliRun run = campaign.sendLive();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.LOG_UNAVAILABLE);
            assertThat(run.err()).contains("Delivery log problem");
            // The server accepted Cy's letter, but the log only knows the data was handed over.
            assertThat(server.messagesTo(CY)).hasSize(1);
            assertThat(campaign.row(CY).state()).isEqualTo(State.SENDING);
            assertLaterRowsUntouched(campaign, server);

            repair(campaign);
            CliRun rerun = campaign.sendLive();

            assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(ExitCode.SOME_NOT_DELIVERED);
            assertThat(campaign.row(CY).state()).isEqualTo(State.UNKNOWN);
            assertThat(server.rcptCommandsFor(CY)).isEqualTo(1);
            RECIPIENTS.forEach(a -> assertThat(server.messagesTo(a)).as(a).hasSize(1));
        }
    }

    private static void assertLaterRowsUntouched(CliCampaign campaign, ScriptedSmtpServer server) {
        for (String later : RECIPIENTS.subList(3, 5)) {
            assertThat(campaign.row(later).state()).as(later).isEqualTo(State.QUEUED);
            assertThat(campaign.row(later).attempts()).as(later).isZero();
            assertThat(server.rcptCommandsFor(later)).as(later).isZero();
        }
    }

    /** Creates the log with our own code, then makes SQLite abort the {@code kind} event of Cy's letter. */
    private static void failWritesOf(CliCampaign campaign, String kind) throws SQLException {
        DeliveryLog.openOrCreate(campaign.database(), Clock.systemUTC()).close();
        execute(campaign, """
                CREATE TRIGGER test_fault BEFORE INSERT ON event
                WHEN NEW.kind = '%s' AND NEW.recipient_id = (SELECT id FROM recipient WHERE email_key = '%s')
                BEGIN
                    SELECT RAISE(ABORT, 'database or disk is full (fault put in by the test)');
                END
                """.formatted(kind, CY));
    }

    private static void repair(CliCampaign campaign) throws SQLException {
        execute(campaign, "DROP TRIGGER test_fault");
    }

    private static void execute(CliCampaign campaign, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + campaign.database());
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
