package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.LogRows;

/**
 * {@code backup} on real SQLite files: a log with two of three letters sent, copied, refused, forced, and copied
 * while another connection holds the write lock (as a sender does between a claim and its commit).
 */
class BackupIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private CampaignFolder campaign;
    private Path backup;

    @BeforeEach
    void twoOfThreeLettersSent() throws Exception {
        campaign = CampaignFolder.sendingTo(dir, greenMail.getSmtp().getPort(), """
                email,name
                ines.duarte@example.org,Inês Duarte
                yamada.taro@example.org,山田 太郎
                kwame.mensah@example.org,Kwame Mensah
                """);
        CliResult sent = Cli.run("send", campaign.campaign(), "--live", "--limit", "2");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        backup = Files.createDirectories(dir.resolve("backups")).resolve("log-copy.db");
    }

    @Test
    void aBackupHoldsEveryRowOfTheLogAndSaysWhatItHolds() {
        CliResult result = Cli.run("backup", campaign.campaign(), "--out", backup.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Backed up ", "lettermerge.db", "log-copy.db",
                ": 1 campaign, 3 letters (1 queued, 2 accepted). Integrity check: ok.");
        assertThat(LogRows.recipients(backup)).isEqualTo(LogRows.recipients(campaign.database()));
        assertThat(LogRows.query(backup, "SELECT count(*) AS n FROM event"))
                .isEqualTo(LogRows.query(campaign.database(), "SELECT count(*) AS n FROM event"));
        assertThat(integrity(backup)).isEqualTo("ok");
    }

    @Test
    void theBackupIsOneFileReadableByItsOwnerOnlyWithNothingLeftBesideIt() throws Exception {
        CliResult result = Cli.run("backup", "--db", campaign.database().toString(), "--out", backup.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        try (var files = Files.list(backup.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("log-copy.db");
        }
    }

    @Test
    void aBackupRestoredAsTheReadmeSaysIsTheLogAgain() throws Exception {
        assertThat(Cli.run("backup", campaign.campaign(), "--out", backup.toString()).exitCode()).isZero();
        var before = LogRows.recipients(campaign.database());

        Files.copy(backup, campaign.database(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(Path.of(campaign.database() + "-wal"));
        Files.deleteIfExists(Path.of(campaign.database() + "-shm"));
        CliResult status = Cli.run("status", campaign.campaign());

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(LogRows.recipients(campaign.database())).isEqualTo(before);
    }

    @Test
    void anExistingFileIsNeverReplacedWithoutForce() throws Exception {
        Files.writeString(backup, "last week's backup");

        CliResult result = Cli.run("backup", campaign.campaign(), "--out", backup.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.BACKUP_NOT_WRITTEN);
        assertThat(result.err()).contains("log-copy.db already exists", "--force");
        assertThat(Files.readString(backup)).isEqualTo("last week's backup");
    }

    @Test
    void forceReplacesAnExistingFileAndItsStaleJournalWithAPrivateCopy() throws Exception {
        Files.writeString(backup, "last week's backup");
        Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("rw-r--r--"));
        Path staleWal = Path.of(backup + "-wal");
        Files.writeString(staleWal, "journal of last week's backup");

        CliResult result = Cli.run("backup", campaign.campaign(), "--out", backup.toString(), "--force");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(LogRows.recipients(backup)).isEqualTo(LogRows.recipients(campaign.database()));
        assertThat(staleWal).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
    }

    @Test
    void aMissingLogIsExitSixNamingItAndIsNotCreated() {
        Path nowhere = dir.resolve("nowhere.db");

        CliResult result = Cli.run("backup", "--db", nowhere.toString(), "--out", backup.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.LOG_UNAVAILABLE);
        assertThat(result.err()).contains("nowhere.db");
        assertThat(nowhere).doesNotExist();
        assertThat(backup).doesNotExist();
    }

    @Test
    void aDatabaseThatIsNotALettermergeLogIsRefused() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE contacts (email TEXT)");
        }

        CliResult result = Cli.run("backup", "--db", other.toString(), "--out", backup.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.LOG_UNAVAILABLE);
        assertThat(result.err()).contains("other.db", "not a Lettermerge delivery log");
        assertThat(backup).doesNotExist();
    }

    @Test
    void aMissingOutFolderIsNamedAndNotCreated() {
        Path folder = dir.resolve("no-such-folder");

        CliResult result = Cli.run("backup", campaign.campaign(), "--out", folder.resolve("copy.db").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.BACKUP_NOT_WRITTEN);
        assertThat(result.err()).contains("no-such-folder", "does not exist");
        assertThat(folder).doesNotExist();
    }

    @Test
    void neitherCampaignNorDbIsAUsageError() {
        CliResult result = Cli.run("backup", "--out", backup.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--db");
    }

    @Test
    void aBackupTakenWhileAnotherConnectionHoldsAnOpenWriteTransactionHoldsTheCommittedRowsOnly() throws Exception {
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + campaign.database());
             Statement st = writer.createStatement()) {
            // Committed, but still only in the -wal while this connection stays open: a copy of the file would miss it.
            st.executeUpdate("UPDATE recipient SET smtp_reply = 'committed before the backup' "
                    + "WHERE email = 'kwame.mensah@example.org'");
            st.execute("BEGIN IMMEDIATE");
            st.executeUpdate("UPDATE recipient SET state = 'FAILED', smtp_reply = 'not committed yet'");
            st.executeUpdate("INSERT INTO campaign (name, campaign_file, version, created_at) "
                    + "VALUES ('half-written', 'x.yaml', 1, '2026-12-03T07:00:00Z')");

            // Under WAL the reader neither waits for the writer nor makes it wait: well under the 10 s busy timeout.
            CliResult result = CompletableFuture.supplyAsync(() -> Cli.run("backup", campaign.campaign(),
                    "--out", backup.toString())).get(5, TimeUnit.SECONDS);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("1 campaign, 3 letters (1 queued, 2 accepted)");
            st.executeUpdate("UPDATE recipient SET smtp_reply = 'written after the backup started'");
            st.execute("COMMIT");
        }
        assertThat(integrity(backup)).isEqualTo("ok");
        assertThat(LogRows.query(backup, "SELECT name FROM campaign")).extracting(r -> r.get("name"))
                .containsExactly("cli-it");
        assertThat(LogRows.recipients(backup)).extracting(r -> r.get("state"))
                .containsExactly("ACCEPTED", "ACCEPTED", "QUEUED");
        assertThat(LogRows.query(backup, "SELECT smtp_reply FROM recipient ORDER BY line"))
                .extracting(r -> r.get("smtp_reply")).last().isEqualTo("committed before the backup");
        assertThat(LogRows.query(campaign.database(), "SELECT count(*) AS n FROM campaign").get(0).get("n"))
                .isEqualTo(2);
    }

    private static String integrity(Path db) {
        return (String) LogRows.query(db, "PRAGMA integrity_check").get(0).get("integrity_check");
    }
}
