package org.lettermerge.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lettermerge.problems.Problem;

/**
 * One sender per delivery log at a time. An OS file lock beside the database: the kernel releases it when
 * the process dies, even by kill -9, so holding it proves that any row still in SENDING belongs to a sender
 * that is gone and can be recovered from the history.
 */
public final class SenderLock implements AutoCloseable {

    /**
     * Lock files held by this JVM. OS locks belong to the process, so a second acquire from the same JVM must be
     * refused here, before it opens the file: tryLock would throw OverlappingFileLockException, and closing that
     * second channel may release the holder's lock on some systems (see {@link FileLock}).
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private SenderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static SenderLock acquire(Path database) {
        Path file = database.toAbsolutePath().normalize().resolveSibling(database.getFileName() + ".lock");
        if (!HELD_HERE.add(file)) {
            throw busy(database);
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw busy(database);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return new SenderLock(file, channel, lock);
        } catch (IOException e) {
            HELD_HERE.remove(file);
            throw new DeliveryLogException("cannot lock " + Problem.display(file) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            HELD_HERE.remove(file);
            throw e;
        }
    }

    /** Null when another holder has it; this JVM holding it under another path spelling counts as another holder. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static SenderBusyException busy(Path database) {
        return new SenderBusyException("another Lettermerge is sending from the delivery log "
                + Problem.display(database) + " right now; wait for it to finish (its letters are safe), "
                + "then run this again");
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new DeliveryLogException("cannot release the sender lock: " + e.getMessage(), e);
        } finally {
            HELD_HERE.remove(file);
        }
    }

    /** Another process holds the lock. */
    public static final class SenderBusyException extends RuntimeException {
        SenderBusyException(String message) {
            super(message);
        }
    }
}
