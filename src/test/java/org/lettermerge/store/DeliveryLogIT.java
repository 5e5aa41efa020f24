package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lettermerge.store.LogFixtures.CLOCK;
import static org.lettermerge.store.LogFixtures.campaign;
import static org.lettermerge.store.LogFixtures.row;
import static org.lettermerge.store.LogFixtures.stored;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryLogIT {

    @TempDir
    Path dir;

    private DeliveryLog log;

    @BeforeEach
    void open() {
        log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void createCampaignQueuesEveryRowWithItsMessageIdAndWritesTheHistory() {
        CampaignRecord c = campaign(log, row("Ana@Example.org", 2), row("bo@example.org", 3));

        assertThat(c.version()).isEqualTo(1);
        assertThat(log.currentVersion(c)).hasValueSatisfying(v -> assertThat(v.contentHash()).isEqualTo("content-1"));
        List<StoredRecipient> rows = log.recipients(c);
        assertThat(rows).extracting(StoredRecipient::email).containsExactly("Ana@Example.org", "bo@example.org");
        assertThat(rows).extracting(StoredRecipient::emailKey).containsExactly("ana@example.org", "bo@example.org");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(State.QUEUED);
            assertThat(r.attempts()).isZero();
            assertThat(r.queuedAt()).isEqualTo(CLOCK.instant());
        });
        assertThat(rows).extracting(StoredRecipient::messageId)
                .containsExactly("<2.ana@example.org@test.lettermerge>", "<3.bo@example.org@test.lettermerge>");
        assertThat(rows.get(0).fields()).isEqualTo(Map.of("email", "Ana@Example.org", "name", "Name 2"));

        List<Event> history = log.history(c);
        assertThat(history).extracting(Event::kind).containsExactly(EventKind.VERSION, EventKind.QUEUED, EventKind.QUEUED);
        assertThat(history.get(1).toState()).isEqualTo(State.QUEUED);
        assertThat(history.get(1).detail()).contains("<2.ana@example.org@test.lettermerge>");
    }

    @Test
    void claimMovesAQueuedRowToSendingAndCountsTheAttempt() {
        CampaignRecord c = campaign(log, row("a@example.org", 2));
        StoredRecipient before = stored(log, c, "a@example.org");

        assertThat(log.claim(before, c.id())).isTrue();

        StoredRecipient after = stored(log, c, "a@example.org");
        assertThat(after.state()).isEqualTo(State.SENDING);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.lastAttemptAt()).isEqualTo(CLOCK.instant());
        Event claimed = log.history(c).get(log.history(c).size() - 1);
        assertThat(claimed.kind()).isEqualTo(EventKind.CLAIMED);
        assertThat(claimed.fromState()).isEqualTo(State.QUEUED);
        assertThat(claimed.toState()).isEqualTo(State.SENDING);
    }

    @Test
    void aRowCanBeClaimedOnlyOnce() {
        CampaignRecord c = campaign(log, row("a@example.org", 2));
        StoredRecipient queued = stored(log, c, "a@example.org");

        assertThat(log.claim(queued, c.id())).isTrue();
        // The same stale snapshot, as a second claimer would hold it: the conditional UPDATE must refuse.
        assertThat(log.claim(queued, c.id())).isFalse();

        assertThat(stored(log, c, "a@example.org").attempts()).isEqualTo(1);
        assertThat(log.history(c)).filteredOn(e -> e.kind() == EventKind.CLAIMED).hasSize(1);
    }

    @Test
    void twoLogsOnTheSameFileNeverBothWinAClaim() {
        CampaignRecord c = campaign(log, row("a@example.org", 2));
        try (DeliveryLog other = DeliveryLog.openExisting(dir.resolve("log.db"), CLOCK)) {
            StoredRecipient seenByFirst = stored(log, c, "a@example.org");
            StoredRecipient seenBySecond = stored(other, c, "a@example.org");

            boolean first = log.claim(seenByFirst, c.id());
            boolean second = other.claim(seenBySecond, c.id());

            assertThat(List.of(first, second)).containsExactly(true, false);
            assertThat(stored(other, c, "a@example.org").attempts()).isEqualTo(1);
        }
    }

    @Test
    void anOutcomeSettlesASendingRowAfterItsHandoff() {
        CampaignRecord c = campaign(log, row("a@example.org", 2));
        StoredRecipient row = stored(log, c, "a@example.org");
        log.claim(row, c.id());

        log.recordHandoff(c.id(), row.id());
        log.recordOutcome(c.id(), row.id(), State.ACCEPTED, 250, "250 2.0.0 Ok: queued as 1234", "accepted");

        StoredRecipient done = stored(log, c, "a@example.org");
        assertThat(done.state()).isEqualTo(State.ACCEPTED);
        assertThat(done.smtpCode()).isEqualTo(250);
        assertThat(done.smtpReply()).isEqualTo("250 2.0.0 Ok: queued as 1234");
        List<Event> history = log.history(c);
        assertThat(history).extracting(Event::kind).endsWith(EventKind.CLAIMED, EventKind.DATA_HANDOFF,
                EventKind.OUTCOME);
        Event outcome = history.get(history.size() - 1);
        assertThat(outcome.fromState()).isEqualTo(State.SENDING);
        assertThat(outcome.toState()).isEqualTo(State.ACCEPTED);
        assertThat(outcome.smtpCode()).isEqualTo(250);
    }

    @Test
    void aHandedOutcomeIsReadAtOnceAndReachesAnotherProcessWithinMoments() throws Exception {
        CampaignRecord c = campaign(log, row("a@example.org", 2));
        StoredRecipient row = stored(log, c, "a@example.org");
        log.claim(row, c.id());
        log.recordHandoff(c.id(), row.id());

        log.handOutcome(new DeliveryLog.Outcome(c.id(), row.id(), State.ACCEPTED, 250, "250 ok", "accepted", null));

        // This log reads what was handed to it as written.
        assertThat(stored(log, c, "a@example.org").state()).isEqualTo(State.ACCEPTED);
        // Another process sees it once it is committed, with nothing else written here.
        try (DeliveryLog other = DeliveryLog.openExisting(dir.resolve("log.db"), CLOCK)) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (stored(other, c, "a@example.org").state() != State.ACCEPTED && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(stored(other, c, "a@example.org").state()).isEqualTo(State.ACCEPTED);
        }
    }

    @Test
    void aHandedOutcomeThatCannotBeWrittenStopsTheNextWrite() {
        CampaignRecord c = campaign(log, row("a@example.org", 2), row("b@example.org", 3));
        StoredRecipient a = stored(log, c, "a@example.org");
        StoredRecipient b = stored(log, c, "b@example.org");

        // Not claimed, so not SENDING: the outcome is refused after the call returned.
        log.handOutcome(new DeliveryLog.Outcome(c.id(), a.id(), State.ACCEPTED, 250, "250 ok", "accepted", null));

        assertThatThrownBy(() -> log.claim(b, c.id()))
                .isInstanceOf(DeliveryLogException.class)
                .hasMessageContaining("an earlier write was not recorded")
                .hasMessageContaining("not in SENDING");
        assertThat(stored(log, c, "b@example.org").state()).isEqualTo(State.QUEUED);
    }

    @Test
    void syncPutsUnsyncedOutcomesIntoTheDatabaseFileItself() throws Exception {
        CampaignRecord c = campaign(log, row("a@example.org", 2));
        StoredRecipient row = stored(log, c, "a@example.org");
        log.claim(row, c.id());
        log.recordHandoff(c.id(), row.id());
        log.handOutcome(new DeliveryLog.Outcome(c.id(), row.id(), State.FAILED, 550, "550 no such user",
                "failed", null));

        log.sync();

        // The database file alone, without its -wal, already holds the outcome: the checkpoint synced the WAL
        // and copied it in.
        Path copy = Files.createDirectory(dir.resolve("copy")).resolve("log.db");
        Files.copy(dir.resolve("log.db"), copy);
        try (DeliveryLog alone = DeliveryLog.openExisting(copy, CLOCK)) {
            assertThat(stored(alone, c, "a@example.org").state()).isEqualTo(State.FAILED);
        }
    }

    @Test
    void anOutcomeForARowThatIsNotSendingIsRefused() {
        CampaignRecord c = campaign(log, row("a@example.org", 2));
        StoredRecipient row = stored(log, c, "a@example.org");

        assertThatThrownBy(() -> log.recordOutcome(c.id(), row.id(), State.ACCEPTED, 250, "250 ok", null))
                .isInstanceOf(DeliveryLogException.class)
                .hasMessageContaining("not in SENDING");

        assertThat(stored(log, c, "a@example.org").state()).isEqualTo(State.QUEUED);
        assertThat(log.history(c)).noneMatch(e -> e.kind() == EventKind.OUTCOME);
    }

    @Test
    void recoveryRequeuesRowsNeverHandedOverAndMarksHandedOverRowsUnknown() {
        CampaignRecord c = campaign(log, row("before@example.org", 2), row("after@example.org", 3),
                row("done@example.org", 4), row("waiting@example.org", 5));
        StoredRecipient before = stored(log, c, "before@example.org");
        StoredRecipient after = stored(log, c, "after@example.org");
        StoredRecipient done = stored(log, c, "done@example.org");
        log.claim(before, c.id());
        log.claim(after, c.id());
        log.recordHandoff(c.id(), after.id());
        log.claim(done, c.id());
        log.recordHandoff(c.id(), done.id());
        log.recordOutcome(c.id(), done.id(), State.ACCEPTED, 250, "250 ok", null);

        Map<Long, State> settled;
        try (SenderLock lock = SenderLock.acquire(log)) {
            settled = log.recoverInterrupted(c, lock);
        }

        assertThat(settled).containsExactlyInAnyOrderEntriesOf(Map.of(before.id(), State.QUEUED,
                after.id(), State.UNKNOWN));
        assertThat(stored(log, c, "before@example.org").state()).isEqualTo(State.QUEUED);
        assertThat(stored(log, c, "after@example.org").state()).isEqualTo(State.UNKNOWN);
        assertThat(stored(log, c, "done@example.org").state()).isEqualTo(State.ACCEPTED);
        assertThat(stored(log, c, "waiting@example.org").state()).isEqualTo(State.QUEUED);
        List<Event> recovered = log.history(c).stream().filter(e -> e.kind() == EventKind.RECOVERED).toList();
        assertThat(recovered).extracting(Event::recipientId, Event::fromState, Event::toState).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(before.id(), State.SENDING, State.QUEUED),
                org.assertj.core.groups.Tuple.tuple(after.id(), State.SENDING, State.UNKNOWN));
    }

    @Test
    void aHandoffFromAnEarlierAttemptDoesNotMakeANewAttemptUnknown() {
        CampaignRecord c = campaign(log, row("a@example.org", 2));
        StoredRecipient row = stored(log, c, "a@example.org");
        log.claim(row, c.id());
        log.recordHandoff(c.id(), row.id());
        log.recordOutcome(c.id(), row.id(), State.DEFERRED, 451, "451 try later", null);
        // Second attempt, interrupted before its data was handed over: only this attempt's events count.
        log.claim(stored(log, c, "a@example.org"), c.id());

        try (SenderLock lock = SenderLock.acquire(log)) {
            assertThat(log.recoverInterrupted(c, lock)).containsExactly(Map.entry(row.id(), State.QUEUED));
        }
        assertThat(stored(log, c, "a@example.org").attempts()).isEqualTo(2);
    }
}
