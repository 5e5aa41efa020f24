package org.lettermerge.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.lettermerge.problems.Problem;
import org.sqlite.SQLiteOpenMode;

/**
 * Creates a delivery log where none exists, whole or not at all: built under a temporary name, then linked into
 * place. A crash half-way leaves no half-made log that a later run would have to tell apart from an emptied one,
 * and two runs creating the same log at once end up sharing one.
 */
final class NewLog {

    private NewLog() {}

    static void create(Path path) {
        Path temp = path.resolveSibling(path.getFileName() + ".new-" + UUID.randomUUID());
        try {
            LogFile.createOwnerOnly(temp);
            try (Connection connection = Database.connect(temp, SQLiteOpenMode.READWRITE)) {
                Database db = new Database(temp, connection);
                db.migrate();
                db.useWal();
            }
            linkIntoPlace(temp, path);
        } catch (SQLException | IOException e) {
            throw new DeliveryLogException("cannot create the delivery log at " + Problem.display(path) + ": "
                    + e.getMessage() + ". Nothing was sent.", e);
        } finally {
            for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
                try {
                    Files.deleteIfExists(LogFile.sibling(temp, suffix));
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless: it is never opened as a log
                }
            }
        }
    }

    /** A hard link never replaces an existing file, where a rename would; another run's new log wins. */
    private static void linkIntoPlace(Path temp, Path path) throws IOException {
        try {
            Files.createLink(path, temp);
        } catch (FileAlreadyExistsException anotherRunMadeIt) {
            // it is checked like any existing log when it is opened
        } catch (UnsupportedOperationException | IOException noLinks) {
            if (Files.exists(path)) {
                return;
            }
            Files.move(temp, path);
        }
    }
}
