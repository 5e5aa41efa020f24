package org.lettermerge.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lettermerge.problems.Problem;
import org.sqlite.SQLiteOpenMode;

/**
 * A consistent copy of a delivery log, safe to take while a send runs: {@code VACUUM INTO} reads one snapshot in a
 * single read transaction, which under WAL neither waits for the sender nor makes it wait. The copy is written
 * beside its destination, checked, then renamed over it, so the destination is either the old file or a whole,
 * checked copy; it is created 0600 because it holds names, addresses and replies.
 */
public final class LogBackup {

    private static final NamedQueries SQL = NamedQueries.load("backup.sql");

    /** What a checked copy holds: its integrity check answer, how many campaigns, letters per state. */
    public record Contents(String integrity, int campaigns, Map<State, Integer> letters) {
        /** Letters kept in {@link State} order, the order they move in. */
        public Contents {
            Map<State, Integer> ordered = new EnumMap<>(State.class);
            ordered.putAll(letters);
            letters = Collections.unmodifiableMap(ordered);
        }

        public int letterCount() {
            return letters.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private LogBackup() {}

    /**
     * Copies the existing log at {@code source} to {@code target}.
     *
     * @param replace whether an existing {@code target} may be replaced (--force)
     * @throws DeliveryLogException when the source is missing or is not a readable delivery log
     * @throws BackupException when the copy cannot be written or fails its integrity check
     */
    public static Contents copy(Path source, Path target, boolean replace) {
        Path out = target.toAbsolutePath().normalize();
        Path folder = out.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BackupException("the folder " + Problem.display(folder == null ? out : folder) + " of --out "
                    + Problem.display(out) + " does not exist: create it first, or choose another --out");
        }
        refuseExisting(source, out, replace);
        Path temp = folder.resolve("." + out.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            LogFile.createOwnerOnly(temp); // never readable by others, not even for a moment
            try (Database db = Database.open(source, false)) {
                snapshot(db, temp);
            }
            Contents contents = check(temp);
            if (!"ok".equals(contents.integrity())) {
                throw new BackupException("the copy of " + Problem.display(source) + " failed its integrity check ("
                        + contents.integrity() + "), so " + Problem.display(out) + " was not written. The log itself "
                        + "may be damaged: run sqlite3 " + Problem.display(source) + " \"PRAGMA integrity_check\"");
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            refuseExisting(source, out, replace);
            // Journal files left by whoever opened the file being replaced belong to it, not to the new copy:
            // SQLite would replay a stale -wal into it.
            Files.deleteIfExists(LogFile.sibling(out, "-wal"));
            Files.deleteIfExists(LogFile.sibling(out, "-shm"));
            Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE);
            return contents;
        } catch (IOException e) {
            throw new BackupException("cannot write the backup " + Problem.display(out) + ": " + describe(e)
                    + ". Check that its folder is writable and has room, then run the command again", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Best effort: a leftover hidden .tmp beside the backup is harmless and named after it.
            }
        }
    }

    private static void refuseExisting(Path source, Path out, boolean replace) {
        if (Files.exists(out) && isSameFile(source, out)) {
            throw new BackupException("--out " + Problem.display(out) + " is the delivery log itself: choose another file");
        }
        if (Files.exists(out) && !replace) {
            throw new BackupException(Problem.display(out) + " already exists and was left untouched: choose another "
                    + "--out, or add --force to replace it");
        }
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void snapshot(Database db, Path temp) {
        try (PreparedStatement st = db.connection().prepareStatement(SQL.get("vacuum-into"))) {
            st.setString(1, temp.toString());
            st.execute();
        } catch (SQLException e) {
            throw new DeliveryLogException("cannot read the delivery log at " + Problem.display(db.path())
                    + " to back it up: " + e.getMessage() + ". It was left untouched", e);
        }
    }

    /** Opens the copy on its own (never creating it) and reads what it holds. */
    private static Contents check(Path copy) {
        try (Connection c = Database.connect(copy, SQLiteOpenMode.READWRITE)) {
            query(c, "single-file");
            String integrity = String.join("; ", query(c, "integrity-check"));
            if (!"ok".equals(integrity)) {
                return new Contents(integrity, 0, Map.of());
            }
            int campaigns = Integer.parseInt(query(c, "campaign-count").get(0));
            Map<State, Integer> letters = new EnumMap<>(State.class);
            try (PreparedStatement st = c.prepareStatement(SQL.get("letter-counts")); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    letters.put(State.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
            return new Contents(integrity, campaigns, letters);
        } catch (SQLException e) {
            throw new BackupException("cannot read back the copy written for the backup: " + e.getMessage()
                    + ". Nothing was written to --out; run the command again", e);
        }
    }

    /** The first column of every row of a named query. */
    private static List<String> query(Connection c, String name) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(SQL.get(name)); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String describe(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null
                ? fs.getReason() + " (" + fs.getFile() + ")" : e.toString();
    }
}
