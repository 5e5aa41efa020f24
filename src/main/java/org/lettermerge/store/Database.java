package org.lettermerge.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.lettermerge.problems.Problem;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The SQLite file behind the delivery log: opened with durable settings, its schema migrated forward,
 * and never recreated when it cannot be read (an empty log would mean "nobody has been mailed yet").
 */
final class Database implements AutoCloseable {

    /** Migrations in order; the schema version is {@code PRAGMA user_version} = how many have been applied. */
    static final List<String> MIGRATIONS = List.of("001-initial.sql", "002-scheduling.sql", "003-suppression.sql",
            "004-inbox.sql", "005-unsubscribe-flag.sql", "006-followups.sql", "007-verp.sql", "008-identity.sql",
            "009-followup-claims.sql", "010-inbox-state.sql", "011-views.sql", "012-sender-scope.sql", "013-addressed-name.sql",
            "014-search-text.sql", "015-one-state-index.sql");

    private final Path path;
    private final Connection connection;

    Database(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    static Database open(Path path, boolean createIfMissing) {
        if (LogFile.vet(path) == LogFile.Kind.MISSING) {
            if (!createIfMissing) {
                throw new DeliveryLogException("no delivery log at " + Problem.display(path)
                        + ": nothing has been queued with this database yet (check --db or the campaign's database key)");
            }
            NewLog.create(path);
        }
        try {
            Connection connection = connect(path, SQLiteOpenMode.READWRITE);
            Database db = new Database(path, connection);
            try {
                db.migrate();
                db.useWal();
            } catch (SQLException | IOException | RuntimeException e) {
                // A refused file must not stay open (and locked on some systems) for the rest of the run.
                connection.close();
                throw e;
            }
            return db;
        } catch (SQLException | IOException e) {
            throw new DeliveryLogException("cannot open the delivery log at " + Problem.display(path) + ": "
                    + e.getMessage() + ". Restore it from a backup or choose another --db.", e);
        }
    }

    /**
     * Opens an existing log for reading only: SQLite refuses every write on this connection. The schema must be
     * this version's (a log opened read-only cannot be migrated): open it once with {@link #open} first.
     */
    static Database openReadOnly(Path path) {
        if (LogFile.vet(path) == LogFile.Kind.MISSING) {
            throw new DeliveryLogException("no delivery log at " + Problem.display(path)
                    + ": it was moved or deleted since it was opened");
        }
        try {
            Connection connection = connect(path, SQLiteOpenMode.READONLY);
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                if (rs.getInt(1) != MIGRATIONS.size()) {
                    connection.close();
                    throw new SQLException("its schema version " + rs.getInt(1) + " is not this Lettermerge's ("
                            + MIGRATIONS.size() + ")");
                }
            }
            return new Database(path, connection);
        } catch (SQLException e) {
            throw new DeliveryLogException("cannot read the delivery log at " + Problem.display(path) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Opened without CREATE, so a file removed under us is an error, not a new empty log. */
    static Connection connect(Path path, SQLiteOpenMode mode) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        // The default flags are READWRITE | CREATE; only NewLog makes files, and it makes them itself.
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        if (mode == SQLiteOpenMode.READONLY) {
            config.resetOpenMode(SQLiteOpenMode.READWRITE);
        }
        config.setOpenMode(mode);
        // FULL by default: under WAL, NORMAL can lose the last commits on a power cut. A write whose loss
        // would be harmless says so (GroupCommit.Sync); the handoff, whose loss could mean a letter sent
        // twice, never does.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        // Otherwise sqlite-jdbc runs a second query after every INSERT to offer its row id; the log asks for
        // one only where it needs it (Statements.insert), and inserts a history line for every step.
        config.setGetGeneratedKeys(false);
        config.enforceForeignKeys(true);
        return DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
    }

    void migrate() throws SQLException, IOException {
        int version;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > MIGRATIONS.size()) {
            throw new SQLException("its schema version " + version + " is newer than this Lettermerge knows ("
                    + MIGRATIONS.size() + "); use a newer Lettermerge");
        }
        if (version < MIGRATIONS.size()) {
            SearchText.register(connection);
        }
        for (int next = version; next < MIGRATIONS.size(); next++) {
            String sql = resource(MIGRATIONS.get(next));
            int target = next + 1;
            inTransaction(() -> {
                try (Statement st = connection.createStatement()) {
                    for (String statement : splitStatements(sql)) {
                        st.execute(statement);
                    }
                    st.execute("PRAGMA user_version = " + target);
                }
                return null;
            });
        }
    }

    /**
     * WAL is switched on only once the file is known to be a delivery log: the journal mode is stored in the
     * file itself, and a file we refuse must be left exactly as it was.
     */
    void useWal() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
        }
    }

    /** Splits a migration on ";" at line ends, keeping trigger bodies (BEGIN ... END;) whole. */
    static List<String> splitStatements(String sql) {
        List<String> statements = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String raw : sql.split("\n")) {
            String line = withoutComment(raw);
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.toUpperCase().startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            boolean ends = inTrigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";");
            if (ends) {
                statements.add(current.toString().strip());
                current.setLength(0);
                inTrigger = false;
            }
        }
        return statements;
    }

    /** A line without its trailing "-- comment" (our migrations never put "--" inside a string). */
    private static String withoutComment(String line) {
        int dashes = line.indexOf("--");
        return dashes < 0 ? line : line.substring(0, dashes);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs work in one write transaction. BEGIN IMMEDIATE takes the write lock up front, so a read followed by a
     * write cannot be interleaved with another process's write.
     */
    <T> T inTransaction(Work<T> work) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
        }
        try {
            T result = work.run();
            try (Statement st = connection.createStatement()) {
                st.execute("COMMIT");
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            try (Statement st = connection.createStatement()) {
                st.execute("ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DeliveryLogException("cannot close the delivery log at " + Problem.display(path), e);
        }
    }
}
