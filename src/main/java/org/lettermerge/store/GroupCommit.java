package org.lettermerge.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Write transactions from several sending threads, committed together. Every commit of the log waits for the
 * disk (synchronous=FULL), and that wait — not SQL — is what a letter costs the log. When several threads write
 * at once, the first to get the connection runs everyone's work queued so far in one transaction, each inside its
 * own savepoint (so one failing piece of work is rolled back alone and reported to its own caller), and commits
 * once. Each caller returns only after the commit that holds its work: durability per caller is unchanged.
 *
 * <p>Work nobody waits for ({@link #hand}: a letter's outcome) is queued and committed within
 * {@link #LINGER_MICROS}: sooner, in the same transaction, when any thread writes or reads before then. On one
 * connection that is the next letter's claim, and the two commits' pages (the same index leaves, the same end of the
 * history) are written to the WAL once instead of twice. A process killed in between leaves that letter handed off
 * and unsettled, as a kill just before its commit would: recovery makes it UNKNOWN, never QUEUED.
 */
final class GroupCommit {

    /** How long handed work may wait for other work to share its commit. */
    static final long LINGER_MICROS = 2_000;

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
    private final Map<String, PreparedStatement> compiled = new HashMap<>();
    /** The connection's synchronous setting: Database opens it FULL. */
    private Sync current = Sync.NOW;
    /** Commits handed work nobody else committed within {@link #LINGER_MICROS}; started on first use. */
    private ScheduledExecutorService flusher;
    /** A flush is scheduled: work handed until it runs needs no other. */
    private final AtomicBoolean flushDue = new AtomicBoolean();
    /** The first failure of handed work: its caller had gone on, so claims, checkpoints and the close are told. */
    private volatile SQLException handedFailure;
    private volatile boolean handedFailureTold;

    GroupCommit(Connection connection) {
        this.connection = connection;
    }

    /**
     * When a commit reaches the disk. {@code NOW}: before the commit returns (synchronous=FULL), so it survives a
     * power cut. {@code WITH_NEXT}: it is in the WAL file when the commit returns, so it survives the process being
     * killed, but a power cut or an OS crash can still lose it — together with everything committed after it and
     * never on its own, because WAL frames reach the disk in order: the next NOW commit makes it durable too.
     */
    enum Sync { NOW, WITH_NEXT }

    private static final class Pending<T> {
        final Database.Work<T> work;
        final Sync sync;
        /** Handed over: nobody waits for it. */
        final boolean handed;
        T result;
        SQLException failure;
        volatile boolean done;

        Pending(Database.Work<T> work, Sync sync, boolean handed) {
            this.work = work;
            this.sync = sync;
            this.handed = handed;
        }
    }

    /** Runs {@code work} in a committed write transaction, possibly shared with other threads' work. */
    <T> T write(Database.Work<T> work, Sync sync) throws SQLException {
        Pending<T> mine = new Pending<>(work, sync, false);
        queue.add(mine);
        lock.lock();
        try {
            if (!mine.done) {
                commitQueued();
            }
        } finally {
            lock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /**
     * Queues {@code work} for a commit that does not wait for the disk (WITH_NEXT) and returns at once; it is
     * committed within {@link #LINGER_MICROS}, or sooner with any other thread's write or read. If it fails, so
     * does the work committed with it; later, {@link #throwIfHandedWorkFailed}, a checkpoint and the close say so.
     */
    void hand(Database.Work<?> work) {
        queue.add(new Pending<>(work, Sync.WITH_NEXT, true));
        if (flushDue.compareAndSet(false, true)) {
            flusher().schedule(this::flushHanded, LINGER_MICROS, TimeUnit.MICROSECONDS);
        }
    }

    private synchronized ScheduledExecutorService flusher() {
        if (flusher == null) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lettermerge-log-writer");
                t.setDaemon(true);
                return t;
            });
        }
        return flusher;
    }

    private void flushHanded() {
        // Cleared before the queue is read: work handed after this point schedules its own flush.
        flushDue.set(false);
        lock.lock();
        try {
            commitQueued();
        } finally {
            lock.unlock();
        }
    }

    /** Commits what was handed over and stops the flusher: before the connection is closed. */
    void close() throws SQLException {
        lock.lock();
        try {
            commitQueued();
        } finally {
            lock.unlock();
        }
        synchronized (this) {
            if (flusher != null) {
                flusher.shutdown();
            }
        }
        if (!handedFailureTold) {
            throwIfHandedWorkFailed();
        }
    }

    /**
     * Throws when handed work was lost: a letter must not be claimed after an outcome the log could not record.
     * Work queued with it in one transaction fails with it; this tells whoever comes later.
     */
    void throwIfHandedWorkFailed() throws SQLException {
        SQLException failed = handedFailure;
        if (failed != null) {
            handedFailureTold = true;
            throw lost(failed);
        }
    }

    private static SQLException lost(SQLException handed) {
        return new SQLException("an earlier write was not recorded (" + handed.getMessage() + "); no letter is"
                + " claimed after it", handed);
    }

    /**
     * Commits what was handed over, then puts every commit so far on disk, WITH_NEXT ones included: a checkpoint
     * syncs the WAL before it copies it into the database. Outside any transaction (a checkpoint cannot run inside one).
     */
    void checkpoint() throws SQLException {
        lock.lock();
        // Its own statement, closed at once: a result row left open would keep the next COMMIT from completing.
        try (Statement st = connection.createStatement()) {
            commitQueued();
            throwIfHandedWorkFailed();
            st.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } finally {
            lock.unlock();
        }
    }

    /** Reads share the connection, so they wait for a batch in progress. */
    <T> T read(Database.Work<T> work) throws SQLException {
        lock.lock();
        try {
            // What was handed over is read as written (a lost write is told to the next writer, not to readers).
            commitQueued();
            return work.run();
        } finally {
            lock.unlock();
        }
    }

    private void commitQueued() {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> p = queue.poll(); p != null; p = queue.poll()) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            Sync sync = batch.stream().anyMatch(p -> p.sync == Sync.NOW) ? Sync.NOW : Sync.WITH_NEXT;
            if (sync != current) {
                execute(sync == Sync.NOW ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
                current = sync;
            }
            execute("BEGIN IMMEDIATE");
            if (batch.size() == 1) {
                // Alone in its transaction, work that fails rolls the whole of it back: no savepoint needed.
                runAlone(batch.get(0));
            } else {
                for (Pending<?> p : batch) {
                    runInSavepoint(p);
                    if (p.handed && p.failure != null) {
                        // Its caller has gone on: nothing queued with a write that was lost is written.
                        throw p.failure;
                    }
                }
            }
            execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            SQLException failure = e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
            rollbackQuietly(failure);
            boolean handedLost = batch.stream().anyMatch(p -> p.handed && p.failure != null);
            // The callers who wait in this batch are told.
            handedFailureTold |= handedLost && batch.stream().anyMatch(p -> !p.handed);
            // Nothing of this batch was committed: every caller in it fails, not only the one whose work broke.
            for (Pending<?> p : batch) {
                p.failure = p.failure != null ? p.failure : handedLost && !p.handed ? lost(failure) : failure;
                p.result = null;
            }
        } finally {
            for (Pending<?> p : batch) {
                if (p.handed && p.failure != null && handedFailure == null) {
                    handedFailure = p.failure;
                }
                p.done = true;
            }
        }
    }

    private static <T> void runAlone(Pending<T> p) throws SQLException {
        p.result = p.work.run();
    }

    private <T> void runInSavepoint(Pending<T> p) throws SQLException {
        execute("SAVEPOINT work");
        try {
            p.result = p.work.run();
            execute("RELEASE work");
        } catch (SQLException e) {
            execute("ROLLBACK TO work");
            execute("RELEASE work");
            p.failure = e;
        }
    }

    private void rollbackQuietly(SQLException cause) {
        try {
            execute("ROLLBACK");
        } catch (SQLException rollback) {
            cause.addSuppressed(rollback);
        }
    }

    /**
     * The connection's statement for {@code sql}, compiled the first time it is asked for: compiling was a tenth of
     * the CPU of sending a letter. Only for work running under this lock (every read and write does).
     */
    PreparedStatement compiled(String sql) throws SQLException {
        PreparedStatement st = compiled.get(sql);
        if (st == null) {
            st = connection.prepareStatement(sql);
            compiled.put(sql, st);
        }
        return st;
    }

    private void execute(String sql) throws SQLException {
        compiled(sql).execute();
    }
}
