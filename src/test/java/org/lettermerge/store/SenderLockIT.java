package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lettermerge.store.LogFixtures.CLOCK;
import static org.lettermerge.store.LogFixtures.campaign;
import static org.lettermerge.store.LogFixtures.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One sender per log: the OS lock beside the file and the claim inside it (other processes: SenderClaimIT). */
class SenderLockIT {

    @TempDir
    Path dir;

    private Path db;
    private DeliveryLog log;

    @BeforeEach
    void open() {
        db = dir.resolve("log.db");
        log = DeliveryLog.openOrCreate(db, CLOCK);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void aSecondSenderOnTheSameLogIsTurnedAwayWhileTheFirstHoldsIt() throws IOException {
        try (SenderLock first = SenderLock.acquire(log)) {
            assertThatThrownBy(() -> SenderLock.acquire(log)).isInstanceOf(SenderLock.SenderBusyException.class)
                    .hasMessageContaining("another Lettermerge");
            assertThat(Files.readString(dir.resolve("log.db.lock"))).startsWith("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void theLockCanBeTakenAgainOnceReleased() {
        try (SenderLock first = SenderLock.acquire(log)) {
            assertThatThrownBy(() -> SenderLock.acquire(log)).isInstanceOf(SenderLock.SenderBusyException.class);
        }
        try (SenderLock second = SenderLock.acquire(log)) {
            assertThat(second.isHeld()).isTrue();
        }
    }

    @Test
    void theSameLogNamedByAnotherPathIsStillBusy() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("link.db"), db);
        try (SenderLock first = SenderLock.acquire(log);
             DeliveryLog roundabout = DeliveryLog.openExisting(dir.resolve("sub/../log.db"), CLOCK);
             DeliveryLog symlinked = DeliveryLog.openExisting(dir.resolve("link.db"), CLOCK)) {
            assertThatThrownBy(() -> SenderLock.acquire(roundabout)).isInstanceOf(SenderLock.SenderBusyException.class);
            assertThatThrownBy(() -> SenderLock.acquire(symlinked)).isInstanceOf(SenderLock.SenderBusyException.class);
        }
    }

    /** A hard link has its own real path and its own -wal: such a log is refused before it is opened. */
    @Test
    void aLogWithASecondNameIsRefused() throws IOException {
        Files.createLink(dir.resolve("hard.db"), db);
        try (SenderLock first = SenderLock.acquire(log)) {
            assertThatThrownBy(() -> DeliveryLog.openExisting(dir.resolve("hard.db"), CLOCK))
                    .isInstanceOf(DeliveryLogException.class).hasMessageContaining("has 2 names (hard links)");
        }
    }

    /** The claim inside the log, checked alone: no lock file is held, but a live process's claim is recorded. */
    @Test
    void aClaimHeldByALiveProcessTurnsAwayASecondSenderWhateverItsLockFile() {
        ProcessHandle self = ProcessHandle.current();
        String started = ProcessStart.of(self);
        leaseHeldBy(SenderLease.HOST, self.pid(), started, CLOCK.instant());

        assertThatThrownBy(() -> SenderLock.acquire(log)).isInstanceOf(SenderLock.SenderBusyException.class)
                .hasMessageContaining("process " + self.pid() + " on " + SenderLease.HOST);
        assertThat(dir.resolve("log.db.lock")).exists();
        try (SenderLock again = SenderLock.acquire(log)) {
            throw new AssertionError("the claim must still be refused, and the lock file released after a refusal");
        } catch (SenderLock.SenderBusyException expected) {
            assertThat(expected).hasMessageContaining("process " + self.pid());
        }
    }

    @Test
    void aClaimLeftByAProcessThatIsGoneIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        leaseHeldBy(SenderLease.HOST, gone.pid(), null, Instant.now());

        try (SenderLock lock = SenderLock.acquire(log)) {
            assertThat(lock.isHeld()).isTrue();
        }
    }

    @Test
    void aLiveProcessWhosePidWasReusedIsNotTheHolder() {
        // This process's pid, but another start time: the recorded holder ended and its pid was given again.
        leaseHeldBy(SenderLease.HOST, ProcessHandle.current().pid(), "2001-01-01T00:00:00.000Z", Instant.now());

        try (SenderLock lock = SenderLock.acquire(log)) {
            assertThat(lock.isHeld()).isTrue();
        }
    }

    @Test
    void aClaimFromAnotherHostHoldsUntilItIsNoLongerRenewed() {
        leaseHeldBy("elsewhere", 1, null, CLOCK.instant());
        assertThatThrownBy(() -> SenderLock.acquire(log)).isInstanceOf(SenderLock.SenderBusyException.class)
                .hasMessageContaining("on elsewhere");

        leaseHeldBy("elsewhere", 1, null, CLOCK.instant().minus(SenderLease.STALE_AFTER).minusSeconds(1));
        try (SenderLock lock = SenderLock.acquire(log)) {
            assertThat(lock.isHeld()).isTrue();
        }
    }

    @Test
    void rowsAreRecoveredOnlyByTheHolderOfTheClaim() {
        CampaignRecord c = campaign(log, row("a@example.org", 2));
        log.claim(log.recipients(c).get(0), c.id());
        try (SenderLock lock = SenderLock.acquire(log)) {
            // Another process took the claim over (as it would from another host): this one must not touch rows.
            leaseHeldBy(SenderLease.HOST, ProcessHandle.current().pid(), null, CLOCK.instant());
            assertThatThrownBy(() -> log.recoverInterrupted(c, lock)).isInstanceOf(DeliveryLogException.class)
                    .hasMessageContaining("another process holds the sender claim");
        }
        assertThat(log.recipients(c).get(0).state()).isEqualTo(State.SENDING);
    }

    @Test
    void aSenderWhoseClaimWasTakenOverIsToldToStop() throws InterruptedException {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        try (SenderLock lock = SenderLock.acquire(log, null, java.time.Duration.ofMillis(50))) {
            lock.onLost(stopped::countDown);
            leaseHeldBy("elsewhere", 1, null, CLOCK.instant());

            assertThat(stopped.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(lock.isHeld()).isFalse();
        }
    }

    @Test
    void locksOnDifferentLogsAreIndependent() {
        try (DeliveryLog other = DeliveryLog.openOrCreate(dir.resolve("b.db"), CLOCK);
             SenderLock a = SenderLock.acquire(log);
             SenderLock b = SenderLock.acquire(other)) {
            assertThat(dir.resolve("log.db.lock")).exists();
            assertThat(dir.resolve("b.db.lock")).exists();
        }
    }

    private void leaseHeldBy(String host, long pid, String started, Instant renewed) {
        Statements sql = log.statements();
        sql.write("plant a claim", () -> sql.execute("take-sender-lease", "someone-else", host, pid, started,
                renewed, renewed, null));
    }
}
