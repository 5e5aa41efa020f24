package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.lettermerge.store.GroupCommit.Sync;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitIT {

    @TempDir
    Path dir;

    @Test
    void everyWriteFromManyThreadsIsCommittedOnce() throws Exception {
        Path file = dir.resolve("g.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            exec(c, "CREATE TABLE t (n INTEGER)");
            GroupCommit commits = new GroupCommit(c);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                writes.add(pool.submit(() -> {
                    go.await();
                    // Half of them synced on their own, half with the next synced commit: the batches switch between both.
                    return commits.write(() -> insert(c, n), n % 2 == 0 ? Sync.NOW : Sync.WITH_NEXT);
                }));
            }
            go.countDown();
            for (Future<Integer> w : writes) {
                assertThat(w.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            pool.shutdown();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(count(c, "SELECT count(*) FROM t")).isEqualTo(200);
            assertThat(count(c, "SELECT count(DISTINCT n) FROM t")).isEqualTo(200);
        }
    }

    @Test
    void aFailingWriteIsRolledBackAloneAndReportedToItsOwnCaller() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("f.db"))) {
            exec(c, "CREATE TABLE t (n INTEGER CHECK (n >= 0))");
            GroupCommit commits = new GroupCommit(c);

            commits.write(() -> insert(c, 1), Sync.NOW);
            assertThatThrownBy(() -> commits.write(() -> {
                insert(c, 2);
                return insert(c, -1);
            }, Sync.NOW)).isInstanceOf(SQLException.class);
            commits.write(() -> insert(c, 3), Sync.NOW);

            assertThat(commits.read(() -> count(c, "SELECT group_concat(n) FROM t ORDER BY n"))).isEqualTo(13);
        }
    }

    @Test
    void handedWorkIsCommittedWithNothingElseWrittenAndReadAtOnce() throws Exception {
        Path file = dir.resolve("h.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            exec(c, "PRAGMA journal_mode = WAL");
            exec(c, "CREATE TABLE t (n INTEGER)");
            GroupCommit commits = new GroupCommit(c);

            commits.hand(() -> insert(c, 7));
            // Another connection sees it once the flusher commits it: nobody else writes.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (count(other, "SELECT count(*) FROM t") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(count(other, "SELECT count(*) FROM t")).isEqualTo(1);

            commits.hand(() -> insert(c, 8));
            // A read on the same log reads it as written, whether or not the flusher got there first.
            assertThat(commits.read(() -> count(c, "SELECT group_concat(n) FROM t ORDER BY n"))).isEqualTo(78);
            commits.close();
        }
    }

    @Test
    void handedWorkThatFailsFailsTheWorkCommittedWithItAndIsToldLater() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("x.db"))) {
            exec(c, "CREATE TABLE t (n INTEGER CHECK (n >= 0))");
            GroupCommit commits = new GroupCommit(c);
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            // A read holds the connection while the failing work is handed over and a write queues behind it: both
            // are then in the next transaction, whoever runs it.
            Future<Integer> reading = pool.submit(() -> commits.read(() -> {
                holding.countDown();
                try {
                    return release.await(10, TimeUnit.SECONDS) ? 0 : -1;
                } catch (InterruptedException e) {
                    throw new SQLException(e);
                }
            }));
            holding.await();
            commits.hand(() -> insert(c, -1));
            Thread[] writer = new Thread[1];
            Future<Integer> writing = pool.submit(() -> {
                writer[0] = Thread.currentThread();
                return commits.write(() -> insert(c, 1), Sync.NOW);
            });
            while (writer[0] == null || writer[0].getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
            release.countDown();
            reading.get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> writing.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(SQLException.class)
                    .hasMessageContaining("an earlier write was not recorded").hasMessageContaining("CHECK constraint");
            assertThatThrownBy(commits::throwIfHandedWorkFailed).hasMessageContaining("CHECK constraint");
            // Other writes go on (the sender claim must still be released); only what checks is refused.
            commits.write(() -> insert(c, 2), Sync.NOW);
            assertThat(commits.read(() -> count(c, "SELECT group_concat(n) FROM t"))).isEqualTo(2);
            commits.close();
            pool.shutdown();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("y.db"))) {
            exec(c, "CREATE TABLE t (n INTEGER CHECK (n >= 0))");
            GroupCommit commits = new GroupCommit(c);

            commits.hand(() -> insert(c, -1));
            // Nobody asked before the close: the close says it.
            assertThatThrownBy(commits::close).hasMessageContaining("an earlier write was not recorded");
        }
    }

    private static int insert(Connection c, int n) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate("INSERT INTO t VALUES (" + n + ")");
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return Integer.parseInt(rs.getString(1).replace(",", ""));
        }
    }
}
