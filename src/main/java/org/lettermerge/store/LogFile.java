package org.lettermerge.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.lettermerge.problems.Problem;

/**
 * What is at a delivery log's path, read from the file's bytes before SQLite touches it. Only a missing file may
 * become a new log: a mistyped folder, a file emptied by a failed copy, another program's database or a log whose
 * write-ahead file was deleted would otherwise look like "nobody has been mailed yet", and everyone would get the
 * letter again.
 */
record LogFile(Path path, Kind kind, int applicationId) {

    /** {@code PRAGMA application_id} of every Lettermerge log: "LMRG". */
    static final int APPLICATION_ID = 0x4C4D5247;

    enum Kind {
        /** No file: a new log may be created here. */
        MISSING,
        /** A SQLite file whose header names Lettermerge. */
        LETTERMERGE,
        /** A SQLite file without an application id: an older Lettermerge log, or someone else's database. */
        UNMARKED
    }

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;

    /** Reads the path's folder, file header and write-ahead files; throws when the path must not be opened. */
    static LogFile inspect(Path path) {
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new DeliveryLogException("the folder " + Problem.display(folder) + " of the delivery log "
                    + Problem.display(path) + " does not exist. Check --db or the campaign's database key for a typo;"
                    + " to start a new log there, create the folder first. Nothing was created or sent.");
        }
        if (!Files.exists(path)) {
            refuseOrphanedWal(path);
            return new LogFile(path, Kind.MISSING, 0);
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(path)) {
            header = in.readNBytes(HEADER_SIZE);
        } catch (IOException e) {
            throw new DeliveryLogException("cannot read the delivery log at " + Problem.display(path) + ": "
                    + e.getMessage() + ". It was left untouched.", e);
        }
        if (header.length == 0) {
            throw refused(path, "it is empty (0 bytes), as a failed copy or a sync tool can leave it; a delivery"
                    + " log that lost its content must not be taken for a new one");
        }
        if (header.length < HEADER_SIZE || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw refused(path, "it is not a SQLite database, so not a Lettermerge delivery log");
        }
        refuseLostWal(path);
        refuseHardLinks(path);
        int applicationId = ByteBuffer.wrap(header, 68, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        if (applicationId == APPLICATION_ID) {
            return new LogFile(path, Kind.LETTERMERGE, applicationId);
        }
        if (applicationId != 0) {
            throw refused(path, String.format("it is a SQLite database of another program (application id 0x%08X),"
                    + " not a Lettermerge delivery log", applicationId));
        }
        return new LogFile(path, Kind.UNMARKED, 0);
    }

    /**
     * What may be done with the path: MISSING (create a log there) or a log to open; throws when neither. An
     * unmarked file is confirmed as an older log on a read-only connection first.
     */
    static Kind vet(Path path) {
        Kind kind = inspect(path).kind();
        if (kind == Kind.UNMARKED) {
            OlderLog.confirm(path);
        }
        return kind;
    }

    /**
     * A new file of the log's, readable by its owner only from the first moment: a log and its backups hold
     * officials' names, addresses and replies. SQLite gives a log's -wal and -shm the log file's permissions.
     */
    static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    static DeliveryLogException refused(Path path, String why) {
        return new DeliveryLogException("cannot use " + Problem.display(path) + " as the delivery log: " + why
                + ". It was left untouched: check --db or the campaign's database key, or restore the log from a"
                + " backup.");
    }

    /** A {@code -wal} without its log: the log itself was deleted or moved, and its latest changes sit here. */
    private static void refuseOrphanedWal(Path path) {
        Path wal = sibling(path, "-wal");
        if (Files.exists(wal)) {
            throw new DeliveryLogException("there is no delivery log at " + Problem.display(path) + ", but its"
                    + " write-ahead file " + Problem.display(wal) + " is there: the log was deleted or moved."
                    + " Put it back (or restore it from a backup); if it is gone for good, delete "
                    + Problem.display(wal) + " to start a new log. Nothing was created or sent.");
        }
    }

    /**
     * After a crash the newest changes of a log live only in its {@code -wal} file, and the {@code -shm} index
     * beside it records how far the log itself has caught up. An index that is ahead of the log with no
     * {@code -wal} left means someone deleted it: the log on disk is missing letters that were sent.
     */
    private static void refuseLostWal(Path path) {
        Path wal = sibling(path, "-wal");
        Path shm = sibling(path, "-shm");
        if (Files.exists(wal) || !Files.exists(shm)) {
            return;
        }
        byte[] index;
        try (InputStream in = Files.newInputStream(shm)) {
            index = in.readNBytes(136);
        } catch (IOException e) {
            return; // an unreadable index tells nothing; SQLite rebuilds it
        }
        if (index.length < 136) {
            return;
        }
        // wal-index header (native byte order): isInit at byte 12, mxFrame at 16; nBackfill at 96.
        ByteBuffer b = ByteBuffer.wrap(index).order(ByteOrder.nativeOrder());
        boolean initialised = index[12] != 0;
        long lastFrame = Integer.toUnsignedLong(b.getInt(16));
        long copiedBack = Integer.toUnsignedLong(b.getInt(96));
        if (initialised && lastFrame > copiedBack) {
            throw new DeliveryLogException("the delivery log " + Problem.display(path) + " was interrupted and its"
                    + " write-ahead file " + Problem.display(wal) + ", which holds its latest changes (letters"
                    + " queued and sent), is missing. Put that file back (from the trash or a backup) and run this"
                    + " again. If it is gone for good, restore the log from a backup; deleting "
                    + Problem.display(shm) + " opens what is left, but letters recorded since the interruption"
                    + " would be missing from it and could be sent again. Nothing was changed or sent.");
        }
    }

    /**
     * SQLite keys a log's -wal by the name it was opened under: a log with two names (hard links) can be written
     * through two write-ahead files at once, and two senders would not see each other. One name only.
     */
    private static void refuseHardLinks(Path path) {
        int links;
        try {
            links = (Integer) Files.getAttribute(path, "unix:nlink");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return; // not a unix file system: no hard links to count
        }
        if (links > 1) {
            throw new DeliveryLogException("the delivery log " + Problem.display(path) + " has " + links
                    + " names (hard links). SQLite cannot keep a log consistent under two names, and two senders"
                    + " using different names would not see each other. Delete the other names (find them with"
                    + " `find / -samefile " + path + "`) or use a copy made with `lettermerge backup`."
                    + " Nothing was changed or sent.");
        }
    }

    static Path sibling(Path path, String suffix) {
        return path.resolveSibling(path.getFileName() + suffix);
    }
}
