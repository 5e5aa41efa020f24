package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lettermerge.store.LogFixtures.CLOCK;
import static org.lettermerge.store.LogFixtures.campaign;
import static org.lettermerge.store.LogFixtures.row;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the log file: its durable settings, its schema, and files that must never be taken for a log. */
class DeliveryLogFileIT {

    @TempDir
    Path dir;

    private static Connection plain(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.getString(1);
        }
    }

    @Test
    void aNewLogHasTheLatestSchemaVersionInWalModeWithFullSync() throws SQLException {
        Path file = dir.resolve("log.db");
        try (Database db = Database.open(file, true)) {
            // synchronous is a per-connection setting, so it is read on the log's own connection.
            assertThat(pragma(db.connection(), "synchronous")).isEqualTo("2");
            assertThat(pragma(db.connection(), "foreign_keys")).isEqualTo("1");
        }
        try (Connection c = plain(file)) {
            assertThat(pragma(c, "user_version")).isEqualTo(String.valueOf(Database.MIGRATIONS.size()));
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void reopeningALogKeepsItsRows() {
        try (DeliveryLog log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK)) {
            campaign(log, row("a@example.org", 2));
        }
        try (DeliveryLog log = DeliveryLog.openExisting(dir.resolve("log.db"), CLOCK)) {
            assertThat(log.recipients(log.findCampaign("c").orElseThrow())).hasSize(1);
        }
    }

    @Test
    void theHistoryRefusesUpdatesAndDeletes() throws SQLException {
        Path file = dir.resolve("log.db");
        try (DeliveryLog log = DeliveryLog.openOrCreate(file, CLOCK)) {
            campaign(log, row("a@example.org", 2));
        }
        try (Connection c = plain(file); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE event SET detail = 'rewritten'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM event WHERE detail <> 'rewritten'")) {
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftUntouched() throws IOException {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "These are my notes, not a delivery log.\n".repeat(40), StandardCharsets.UTF_8);
        byte[] original = Files.readAllBytes(file);

        assertThatThrownBy(() -> DeliveryLog.openExisting(file, CLOCK)).isInstanceOf(DeliveryLogException.class)
                .hasMessageContaining("not a SQLite database").hasMessageContaining("left untouched");
        assertThatThrownBy(() -> DeliveryLog.openOrCreate(file, CLOCK)).isInstanceOf(DeliveryLogException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(original);
    }

    @Test
    void aShortTextFileIsRefusedAndLeftUntouched() throws IOException {
        Path file = dir.resolve("short.db");
        Files.writeString(file, "hello\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DeliveryLog.openOrCreate(file, CLOCK)).isInstanceOf(DeliveryLogException.class);

        assertThat(Files.readString(file)).isEqualTo("hello\n");
    }

    @Test
    void openingAMissingLogFailsAndCreatesNothing() {
        Path file = dir.resolve("missing/log.db");

        assertThatThrownBy(() -> DeliveryLog.openExisting(file, CLOCK)).isInstanceOf(DeliveryLogException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> DeliveryLog.openExisting(dir.resolve("log.db"), CLOCK))
                .isInstanceOf(DeliveryLogException.class).hasMessageContaining("no delivery log at");

        assertThat(dir.resolve("missing")).doesNotExist();
        assertThat(dir.resolve("log.db")).doesNotExist();
    }

    @Test
    void anotherApplicationsDatabaseIsRefused() throws SQLException {
        Path file = dir.resolve("other.db");
        try (Connection c = plain(file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE x (a TEXT)");
        }

        assertThatThrownBy(() -> DeliveryLog.openOrCreate(file, CLOCK)).isInstanceOf(DeliveryLogException.class)
                .hasMessageContaining("not a Lettermerge delivery log");

        try (Connection c = plain(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'")) {
            assertThat(rs.getString(1)).isEqualTo("x");
        }
        try (Connection c = plain(file)) {
            assertThat(pragma(c, "journal_mode")).isEqualTo("delete");
            assertThat(pragma(c, "user_version")).isEqualTo("0");
        }
    }

    @Test
    void aLogFromANewerLettermergeIsRefused() throws SQLException {
        Path file = dir.resolve("newer.db");
        try (DeliveryLog log = DeliveryLog.openOrCreate(file, CLOCK)) {
            campaign(log, row("a@example.org", 2));
        }
        try (Connection c = plain(file); Statement st = c.createStatement()) {
            // Far beyond any version this code knows, so the test holds as migrations are added.
            st.execute("PRAGMA user_version = 99");
        }

        assertThatThrownBy(() -> DeliveryLog.openExisting(file, CLOCK)).isInstanceOf(DeliveryLogException.class)
                .hasMessageContaining("schema version 99 is newer");
    }
    @Test
    void aMistypedFolderIsRefusedAndNothingIsCreated() {
        Path file = dir.resolve("logz/x.db");

        assertThatThrownBy(() -> DeliveryLog.openOrCreate(file, CLOCK)).isInstanceOf(DeliveryLogException.class)
                .hasMessageContaining("the folder " + dir.resolve("logz")).hasMessageContaining("does not exist");

        assertThat(dir.resolve("logz")).doesNotExist();
    }

    @Test
    void anEmptiedLogIsNotTakenForANewOne() throws IOException {
        Path file = dir.resolve("log.db");
        try (DeliveryLog log = DeliveryLog.openOrCreate(file, CLOCK)) {
            campaign(log, row("a@example.org", 2));
        }
        Files.write(file, new byte[0]);

        assertThatThrownBy(() -> DeliveryLog.openOrCreate(file, CLOCK)).isInstanceOf(DeliveryLogException.class)
                .hasMessageContaining("it is empty (0 bytes)").hasMessageContaining("left untouched");

        assertThat(Files.size(file)).isZero();
    }

    @Test
    void anotherProgramsDatabaseWithAUserVersionIsNeitherMigratedNorChanged() throws Exception {
        Path file = sqlite("other.db", "CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('keep me')",
                "PRAGMA user_version = 3");

        assertRefusedAndUntouched(file, "another program", "notes");
        assertThat(LogFile.sibling(file, "-wal")).doesNotExist();
    }

    @Test
    void aDatabaseMarkedByAnotherApplicationIsRefusedFromItsHeader() throws Exception {
        Path file = sqlite("marked.db", "PRAGMA application_id = 42", "CREATE TABLE campaign (a)");

        assertRefusedAndUntouched(file, "application id 0x0000002A");
    }

    @Test
    void anEmptySqliteFileIsNotANewLog() throws Exception {
        Path file = sqlite("blank.db", "CREATE TABLE t (a)", "DROP TABLE t");

        assertRefusedAndUntouched(file, "empty SQLite database");
    }

    private Path sqlite(String name, String... statements) throws SQLException {
        Path file = dir.resolve(name);
        try (Connection c = plain(file); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
        return file;
    }

    /** Refused whether the command may create a log or not, and not a byte of the file changed. */
    private static void assertRefusedAndUntouched(Path file, String... said) throws IOException {
        byte[] original = Files.readAllBytes(file);

        assertThatThrownBy(() -> DeliveryLog.openOrCreate(file, CLOCK)).isInstanceOf(DeliveryLogException.class)
                .hasMessageContainingAll(said);
        assertThatThrownBy(() -> DeliveryLog.openExisting(file, CLOCK)).isInstanceOf(DeliveryLogException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(original);
    }

    @Test
    void aNewLogIsMarkedAsOursWithARandomIdAndReadableByItsOwnerOnly() throws Exception {
        Path first = dir.resolve("first.db");
        Path second = dir.resolve("second.db");
        String firstId;
        try (DeliveryLog log = DeliveryLog.openOrCreate(first, CLOCK)) {
            firstId = log.id();
            campaign(log, row("a@example.org", 2));
            assertThat(permissions(LogFile.sibling(first, "-wal"))).isEqualTo("rw-------");
            assertThat(permissions(LogFile.sibling(first, "-shm"))).isEqualTo("rw-------");
        }
        try (DeliveryLog log = DeliveryLog.openOrCreate(second, CLOCK)) {
            assertThat(log.id()).matches("[0-9a-f]{32}").isNotEqualTo(firstId);
        }
        try (DeliveryLog log = DeliveryLog.openExisting(first, CLOCK)) {
            assertThat(log.id()).isEqualTo(firstId);
        }
        assertThat(permissions(first)).isEqualTo("rw-------");
        try (Connection c = plain(first)) {
            assertThat(pragma(c, "application_id")).isEqualTo(String.valueOf(LogFile.APPLICATION_ID));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("first.db", "second.db");
        }
    }

    @Test
    void aLogFromBeforeVersion8IsMigratedAndMarked() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = plain(file); Statement st = c.createStatement()) {
            for (String name : Database.MIGRATIONS.subList(0, 7)) {
                for (String sql : Database.splitStatements(Database.resource(name))) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version = 7");
            st.execute("PRAGMA journal_mode = WAL");
        }

        try (DeliveryLog log = DeliveryLog.openExisting(file, CLOCK)) {
            assertThat(log.id()).matches("[0-9a-f]{32}");
        }
        try (Connection c = plain(file)) {
            assertThat(pragma(c, "application_id")).isEqualTo(String.valueOf(LogFile.APPLICATION_ID));
            assertThat(pragma(c, "user_version")).isEqualTo(String.valueOf(Database.MIGRATIONS.size()));
        }
    }

    @Test
    void aWriteAheadFileWithoutItsLogIsNotANewLog() throws IOException {
        Path file = dir.resolve("log.db");
        Files.writeString(LogFile.sibling(file, "-wal"), "frames");

        assertThatThrownBy(() -> DeliveryLog.openOrCreate(file, CLOCK)).isInstanceOf(DeliveryLogException.class)
                .hasMessageContaining("the log was deleted or moved");

        assertThat(file).doesNotExist();
    }

    private static String permissions(Path file) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
