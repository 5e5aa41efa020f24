package org.lettermerge.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.lettermerge.problems.Problem;
import org.sqlite.SQLiteOpenMode;

/**
 * A SQLite file without Lettermerge's application id in its header: a log made before version 8 set one (it is
 * migrated), or a log whose header change still sits in its -wal, or someone else's database, which must be left
 * exactly as it is. Decided on a read-only connection, before anything is written.
 */
final class OlderLog {

    /** Tables every Lettermerge log has had since version 1. */
    private static final Set<String> OUR_TABLES = Set.of("campaign", "campaign_version", "recipient", "event");
    /** The last schema version written without an application id. */
    private static final int LAST_UNMARKED_VERSION = 7;

    private OlderLog() {}

    static void confirm(Path path) {
        int applicationId;
        int version;
        Set<String> tables = new TreeSet<>();
        try (Connection c = Database.connect(path, SQLiteOpenMode.READONLY); Statement st = c.createStatement()) {
            applicationId = intPragma(st, "application_id");
            version = intPragma(st, "user_version");
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new DeliveryLogException("cannot read " + Problem.display(path) + " to see whether it is a"
                    + " delivery log: " + e.getMessage() + ". It was left untouched.", e);
        }
        if (applicationId == LogFile.APPLICATION_ID) {
            return;
        }
        if (applicationId == 0 && version >= 1 && version <= LAST_UNMARKED_VERSION && tables.containsAll(OUR_TABLES)) {
            return;
        }
        if (tables.isEmpty()) {
            throw LogFile.refused(path, "it is an empty SQLite database, not a Lettermerge delivery log (only a"
                    + " path where no file exists becomes a new log)");
        }
        throw LogFile.refused(path, "it is a SQLite database of another program (tables " + String.join(", ", tables)
                + "), not a Lettermerge delivery log");
    }

    private static int intPragma(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.getInt(1);
        }
    }
}
