package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SenderLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondSenderOnTheSameLogIsTurnedAwayWhileTheFirstHoldsIt() throws IOException {
        Path db = dir.resolve("log.db");
        try (SenderLock first = SenderLock.acquire(db)) {
            assertThatThrownBy(() -> SenderLock.acquire(db)).isInstanceOf(SenderLock.SenderBusyException.class)
                    .hasMessageContaining("another Lettermerge is sending");
            assertThat(Files.readString(dir.resolve("log.db.lock"))).startsWith("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void theLockCanBeTakenAgainOnceReleased() {
        Path db = dir.resolve("log.db");
        try (SenderLock first = SenderLock.acquire(db)) {
            assertThatThrownBy(() -> SenderLock.acquire(db)).isInstanceOf(SenderLock.SenderBusyException.class);
        }
        try (SenderLock second = SenderLock.acquire(db)) {
            assertThat(second).isNotNull();
        }
    }

    @Test
    void theSameLogNamedByAnotherPathIsStillBusy() {
        Path db = dir.resolve("log.db");
        try (SenderLock first = SenderLock.acquire(db)) {
            Path roundabout = dir.resolve("sub/../log.db");
            assertThatThrownBy(() -> SenderLock.acquire(roundabout)).isInstanceOf(SenderLock.SenderBusyException.class);
        }
    }

    @Test
    void locksOnDifferentLogsAreIndependent() {
        try (SenderLock a = SenderLock.acquire(dir.resolve("a.db"));
             SenderLock b = SenderLock.acquire(dir.resolve("b.db"))) {
            assertThat(dir.resolve("a.db.lock")).exists();
            assertThat(dir.resolve("b.db.lock")).exists();
        }
    }
}
