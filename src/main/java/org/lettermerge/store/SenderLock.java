package org.lettermerge.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import org.lettermerge.problems.Problem;

/**
 * One sender per delivery log at a time. An OS file lock beside the database: the kernel releases it when
 * the process dies, even by kill -9, so holding it proves that any row still in SENDING belongs to a sender
 * that is gone and can be recovered from the history.
 */
public final class SenderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private SenderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static SenderLock acquire(Path database) {
        Path file = database.resolveSibling(database.getFileName() + ".lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new SenderBusyException("another Lettermerge is sending from the delivery log "
                        + Problem.display(database) + " right now; wait for it to finish (its letters are safe), "
                        + "then run this again");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return new SenderLock(channel, lock);
        } catch (IOException e) {
            throw new DeliveryLogException("cannot lock " + Problem.display(file) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new DeliveryLogException("cannot release the sender lock: " + e.getMessage(), e);
        }
    }

    /** Another process holds the lock. */
    public static final class SenderBusyException extends RuntimeException {
        SenderBusyException(String message) {
            super(message);
        }
    }
}
