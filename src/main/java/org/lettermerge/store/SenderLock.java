package org.lettermerge.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.lettermerge.problems.Problem;

/**
 * One sender per delivery log at a time, proved twice. An OS file lock beside the database, keyed by the file's
 * real path: the kernel releases it when the process dies, even by kill -9. And a claim inside the log itself
 * ({@link SenderLease}), which holds whatever path the log is opened through (symlink, hard link, "..") and
 * whether or not the lock file is still there, renewed while sending. Holding both proves that any row still in
 * SENDING belongs to a sender that is gone and can be recovered from the history.
 */
public final class SenderLock implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SenderLock.class.getName());

    /**
     * Lock files held by this JVM. OS locks belong to the process, so a second acquire from the same JVM must be
     * refused here, before it opens the file: tryLock would throw OverlappingFileLockException, and closing that
     * second channel may release the holder's lock on some systems (see {@link FileLock}).
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final SenderLease lease;
    private final ScheduledExecutorService renewals;
    private volatile Runnable onLost = () -> { };

    private SenderLock(Path file, FileChannel channel, SenderLease lease, Duration renewEvery) {
        this.file = file;
        this.channel = channel;
        this.lease = lease;
        this.renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sender-claim");
            t.setDaemon(true);
            return t;
        });
        long every = renewEvery.toMillis();
        renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the OS lock, then the claim inside the log; throws {@link SenderBusyException} when either is held.
     *
     * @param sends the one campaign this process sends (send --live), or null for every campaign in the log (run)
     */
    public static SenderLock acquire(DeliveryLog log, String sends) {
        return acquire(log, sends, SenderLease.RENEW_EVERY);
    }

    /** For every campaign in the log, as `run` sends. */
    public static SenderLock acquire(DeliveryLog log) {
        return acquire(log, null);
    }

    static SenderLock acquire(DeliveryLog log, String sends, Duration renewEvery) {
        Path database = log.path();
        Path real = realPath(database);
        Path file = real.resolveSibling(real.getFileName() + ".lock");
        FileChannel channel = osLock(log, file);
        try {
            SenderLease.Result claim = SenderLease.take(log.statements(), sends);
            if (claim.taken() == null) {
                throw busy(database, claim.heldBy());
            }
            return new SenderLock(file, channel, claim.taken(), renewEvery);
        } catch (RuntimeException e) {
            unlock(file, channel);
            throw e;
        }
    }

    /**
     * What to do if the claim is taken over while this process sends (another machine judged it gone): the
     * sender stops starting letters, as on Ctrl-C.
     */
    public void onLost(Runnable action) {
        onLost = action;
    }

    /** True while this process's claim is the one recorded in the log. */
    boolean isHeld() {
        return lease.isHeld();
    }

    private static Path realPath(Path database) {
        try {
            return database.toRealPath();
        } catch (IOException e) {
            return database.toAbsolutePath().normalize();
        }
    }

    private static FileChannel osLock(DeliveryLog log, Path file) {
        Path database = log.path();
        if (!HELD_HERE.add(file)) {
            throw busy(database, SenderLease.liveHolder(log.statements()).orElse(null));
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw busy(database, SenderLease.liveHolder(log.statements()).orElse(null));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return channel;
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

    private static SenderBusyException busy(Path database, SenderLease.Holder holder) {
        String who = holder == null ? "another Lettermerge"
                : "another Lettermerge (process " + holder.pid() + " on " + holder.host() + ", since "
                        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault())
                                .format(holder.takenAt()) + ")";
        return new SenderBusyException(who + " is sending from the delivery log " + Problem.display(database)
                + " right now; wait for it to finish (its letters are safe), then run this again",
                who, holder != null && holder.sends() == null, holder == null ? 0 : holder.pid());
    }

    /**
     * A claim lost while sending means another process judged this one gone (from another host, after
     * {@link SenderLease#STALE_AFTER} without renewal: a machine that slept). Sending stops ({@link #onLost});
     * rows are only recovered by a holder ({@link DeliveryLog#recoverInterrupted} checks).
     */
    private void renew() {
        try {
            if (!lease.renew()) {
                LOG.warning("the sender claim on the delivery log was taken over by another process: stopping");
                onLost.run();
            }
        } catch (RuntimeException e) {
            LOG.warning("cannot renew the sender claim on the delivery log: " + e.getMessage());
        }
    }

    private static void unlock(Path file, FileChannel channel) {
        try {
            channel.close(); // releases the lock
        } catch (IOException e) {
            throw new DeliveryLogException("cannot release the sender lock: " + e.getMessage(), e);
        } finally {
            HELD_HERE.remove(file);
        }
    }

    @Override
    public void close() {
        renewals.shutdownNow();
        try {
            renewals.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lease.release();
        } finally {
            unlock(file, channel);
        }
    }

    /** Another process holds the lock. */
    public static final class SenderBusyException extends RuntimeException {
        private final String who;
        private final boolean sendsEveryCampaign;
        private final long pid;

        SenderBusyException(String message, String who, boolean sendsEveryCampaign, long pid) {
            super(message);
            this.who = who;
            this.sendsEveryCampaign = sendsEveryCampaign;
            this.pid = pid;
        }

        /** "another Lettermerge (process 123 on host, since …)". */
        public String who() {
            return who;
        }

        /** Whether the holder is a `run`, which sends every campaign in the log, including one queued now. */
        public boolean sendsEveryCampaign() {
            return sendsEveryCampaign;
        }

        /** The holder's process id, 0 when not known. */
        public long pid() {
            return pid;
        }
    }
}
