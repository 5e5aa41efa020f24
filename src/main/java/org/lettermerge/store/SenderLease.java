package org.lettermerge.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The one-sender claim kept inside the log (table sender_lease), taken in a write transaction. The OS lock beside
 * the file is keyed by a path; this is keyed by the file itself, so a symlink, a hard link, ".." in a path or a
 * deleted lock file cannot let a second sender in. A claim is taken over only when its owner is provably gone: on
 * this host, its process has ended (a reused pid is told apart by its start time); from another host (a log on a
 * shared folder), it has not been renewed for {@link #STALE_AFTER}.
 */
final class SenderLease {

    static final Duration RENEW_EVERY = Duration.ofSeconds(30);
    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    /**
     * Who holds a claim, as recorded in the log.
     *
     * @param sends the one campaign it sends (send --live), or null for every campaign in the log (run)
     */
    record Holder(String id, String host, long pid, String processStarted, Instant takenAt, Instant renewedAt,
                  String sends) {}

    private final Statements sql;
    private final Holder me;

    private SenderLease(Statements sql, Holder me) {
        this.sql = sql;
        this.me = me;
    }

    /** Takes the claim, or returns the live process that holds it. */
    static Result take(Statements sql, String sends) {
        Instant now = sql.instant();
        ProcessHandle self = ProcessHandle.current();
        Holder me = new Holder(UUID.randomUUID().toString(), HOST, self.pid(), ProcessStart.of(self), now, now,
                sends);
        return sql.write("take the sender claim", () -> {
            Optional<Holder> current = read(sql);
            if (current.isPresent() && isAlive(current.get(), now)) {
                return new Result(null, current.get());
            }
            sql.execute("take-sender-lease", me.id(), me.host(), me.pid(), me.processStarted(), now, now, sends);
            return new Result(new SenderLease(sql, me), null);
        });
    }

    /** Either the lease taken, or the live holder that has it. */
    record Result(SenderLease taken, Holder heldBy) {}

    /** Still ours: nobody took it over as stale. */
    boolean renew() {
        return sql.write("renew the sender claim", GroupCommit.Sync.WITH_NEXT,
                () -> sql.execute("renew-sender-lease", sql.instant(), me.id()) == 1);
    }

    boolean isHeld() {
        return sql.read("read the sender claim", () -> read(sql).map(h -> h.id().equals(me.id())).orElse(false));
    }

    void release() {
        sql.write("release the sender claim", () -> sql.execute("release-sender-lease", me.id()));
    }

    /** The live holder of the claim, if any: for saying who sends while the OS lock keeps this process out. */
    static Optional<Holder> liveHolder(Statements sql) {
        Instant now = sql.instant();
        return sql.read("read the sender claim", () -> read(sql)).filter(h -> isAlive(h, now));
    }

    private static Optional<Holder> read(Statements sql) throws java.sql.SQLException {
        try (ResultSet rs = sql.query("sender-lease")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Holder(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                    Timestamps.parse(rs.getString(5)), Timestamps.parse(rs.getString(6)), rs.getString(7)));
        }
    }

    static boolean isAlive(Holder holder, Instant now) {
        if (!holder.host().equals(HOST)) {
            return holder.renewedAt().plus(STALE_AFTER).isAfter(now);
        }
        return ProcessHandle.of(holder.pid())
                .filter(ProcessHandle::isAlive)
                .map(p -> ProcessStart.same(holder.processStarted(), p))
                .orElse(false);
    }



    static final String HOST = hostName();

    /** The kernel's name for this machine; no DNS lookup, which can hang on a machine without a network. */
    private static String hostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel).strip();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
