package org.lettermerge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.testsupport.CliCampaign.RECIPIENTS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.cli.ExitCode;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.ChildLettermerge;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.HeldDataEnd;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.testsupport.StalledRcpt;

/**
 * The delivery log knows itself (issue 8): a mistyped path, an emptied or foreign file, a deleted -wal or a second
 * sender through another path never sends a campaign twice. Each test is one fault that sent every recipient a
 * second copy (or turned a delivered letter into UNKNOWN) before. Letters go to the scripted SMTP server, which
 * can hold a reply while a second process is tried (GreenMail cannot).
 */
class LogIdentityIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CY = "cy@example.org";

    @TempDir Path dir;

    @Test
    void aMistypedFolderIsRefusedAndNothingIsCreatedOrSent() throws Exception {
        try (var server = ScriptedSmtpServer.start(Script.acceptAll())) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            assertThat(campaign.sendLive().exitCode()).isEqualTo(ExitCode.OK);

            CliRun typo = campaign.run("send", campaign.file().toString(), "--live", "--db",
                    dir.resolve("logz/x.db").toString());

            assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(ExitCode.LOG_UNAVAILABLE);
            assertThat(typo.err()).contains("the folder " + dir.resolve("logz")).contains("does not exist");
            assertThat(dir.resolve("logz")).doesNotExist();
            assertEveryoneHasOneCopy(server);
        }
    }

    @Test
    void anEmptiedLogIsRefusedAndLeftAsItIs() throws Exception {
        try (var server = ScriptedSmtpServer.start(Script.acceptAll())) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            assertThat(campaign.sendLive().exitCode()).isEqualTo(ExitCode.OK);
            Files.write(campaign.database(), new byte[0]);

            CliRun rerun = campaign.sendLive();

            assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(ExitCode.LOG_UNAVAILABLE);
            assertThat(rerun.err()).contains("it is empty (0 bytes)");
            assertThat(Files.size(campaign.database())).isZero();
            assertEveryoneHasOneCopy(server);
        }
    }

    @Test
    void anotherProgramsDatabaseIsRefusedAndLeftByteForByte() throws Exception {
        try (var server = ScriptedSmtpServer.start(Script.acceptAll())) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + campaign.database());
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE contacts (name TEXT)");
                st.execute("PRAGMA user_version = 3");
            }
            byte[] original = Files.readAllBytes(campaign.database());

            CliRun run = campaign.sendLive();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.LOG_UNAVAILABLE);
            assertThat(run.err()).contains("not a Lettermerge delivery log").contains("left untouched");
            assertThat(Files.readAllBytes(campaign.database())).isEqualTo(original);
            assertThat(server.messagesTo(CY)).isEmpty();
        }
    }

    @Test
    void aCampaignWhoseLogWasReplacedIsRefusedUntilTheOrganizerSaysNewLog() throws Exception {
        try (var server = ScriptedSmtpServer.start(Script.acceptAll())) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            assertThat(campaign.sendLive().exitCode()).isEqualTo(ExitCode.OK);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(campaign.database())))
                    .isEqualTo("rw-------");
            Files.delete(campaign.database());

            CliRun rerun = campaign.sendLive();

            assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(ExitCode.LOG_UNAVAILABLE);
            assertThat(rerun.err()).contains("campaign " + CliCampaign.NAME + " was queued in log ")
                    .contains("with 5 recipients (5 accepted); the log at " + campaign.database()
                            + " does not hold it").contains("--new-log");
            assertEveryoneHasOneCopy(server);

            CliRun onPurpose = campaign.run("send", campaign.file().toString(), "--live", "--new-log");

            assertThat(onPurpose.exitCode()).as(onPurpose.toString()).isEqualTo(ExitCode.OK);
            assertThat(server.messagesTo(CY)).hasSize(2);
            assertThat(campaign.sendLive().out()).contains("Nothing to send");
        }
    }

    @Test
    void limitZeroIsAUsageErrorNotTheWholeCampaign() throws Exception {
        try (var server = ScriptedSmtpServer.start(Script.acceptAll())) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());

            CliRun run = campaign.run("send", campaign.file().toString(), "--live", "--limit", "0");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("--limit must be 1 or more");
            assertThat(server.messagesTo(CY)).isEmpty();
            assertThat(campaign.database()).doesNotExist();
        }
    }

    @Test
    void aSenderKilledThenItsWalDeletedIsRefusedInsteadOfSendingEveryoneAgain() throws Exception {
        StalledRcpt stallOnCy = new StalledRcpt(CY);
        try (var server = ScriptedSmtpServer.start(stallOnCy)) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            try (var child = ChildLettermerge.start(dir, campaign.sendLiveArgs())) {
                server.awaitStall(WAIT);
                child.kill();
            }
            stallOnCy.recover();
            Path wal = dir.resolve("lettermerge.db-wal");
            Path shm = dir.resolve("lettermerge.db-shm");
            assertThat(wal).as("the campaign's rows are in the -wal after the crash").exists();
            Files.delete(wal);

            CliRun walDeleted = campaign.sendLive();

            assertThat(walDeleted.exitCode()).as(walDeleted.toString()).isEqualTo(ExitCode.LOG_UNAVAILABLE);
            assertThat(walDeleted.err()).contains("lettermerge.db-wal").contains("is missing");

            // The index went too: only the campaign folder's memory can tell the log lost the campaign.
            Files.delete(shm);
            CliRun bothDeleted = campaign.sendLive();

            assertThat(bothDeleted.exitCode()).as(bothDeleted.toString()).isEqualTo(ExitCode.LOG_UNAVAILABLE);
            assertThat(bothDeleted.err()).contains("was queued in log").contains("does not hold it");
            assertThat(server.messagesTo("ada@example.org")).hasSize(1);
            assertThat(server.messagesTo("bea@example.org")).hasSize(1);
            assertThat(server.messagesTo(CY)).isEmpty();
        }
    }

    @Test
    void aSecondSenderThroughASymlinkIsBusyAndTheFirstFinishesAlone() throws Exception {
        Path link = dir.resolve("shortcut.db");
        secondSenderWhileTheFirstHoldsCy(campaign -> {
            Files.createSymbolicLink(link, campaign.database());
            return campaign.run("send", campaign.file().toString(), "--live", "--db", link.toString());
        });
    }

    @Test
    void aSecondSenderAfterTheLockFileWasDeletedIsBusyAndTheFirstFinishesAlone() throws Exception {
        secondSenderWhileTheFirstHoldsCy(campaign -> {
            Files.delete(dir.resolve("lettermerge.db.lock"));
            return campaign.sendLive();
        });
    }

    private interface SecondSender {
        CliRun run(CliCampaign campaign) throws Exception;
    }

    /** A child JVM sends and is held at Cy's final "."; the second sender must not touch Cy's row. */
    private void secondSenderWhileTheFirstHoldsCy(SecondSender second) throws Exception {
        HeldDataEnd holdCysFinalDot = new HeldDataEnd(2);
        try (var server = ScriptedSmtpServer.start(holdCysFinalDot)) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            try (var first = ChildLettermerge.start(dir, campaign.sendLiveArgs())) {
                try {
                    assertThat(holdCysFinalDot.awaitHolding(WAIT)).as("the first sender reached Cy").isTrue();

                    CliRun busy = second.run(campaign);

                    assertThat(busy.exitCode()).as(busy.toString()).isEqualTo(ExitCode.BUSY);
                    assertThat(busy.err()).contains("is sending from the delivery log");
                    assertThat(campaign.row(CY).state()).isEqualTo(State.SENDING);
                } finally {
                    holdCysFinalDot.release();
                }
                CliRun firstRun = first.awaitExit();
                assertThat(firstRun.exitCode()).as(firstRun.toString()).isEqualTo(ExitCode.OK);
            }
            assertEveryoneHasOneCopy(server);
            for (String address : RECIPIENTS) {
                assertThat(campaign.row(address).state()).as(address).isEqualTo(State.ACCEPTED);
            }
        }
    }

    private static void assertEveryoneHasOneCopy(ScriptedSmtpServer server) {
        for (String address : RECIPIENTS) {
            assertThat(server.messagesTo(address)).as(address).hasSize(1);
        }
    }
}
