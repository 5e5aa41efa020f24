package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.lettermerge.store.LogFixtures.CLOCK;
import static org.lettermerge.store.LogFixtures.campaign;
import static org.lettermerge.store.LogFixtures.row;
import static org.lettermerge.store.LogFixtures.stored;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suppression list in a real log file: what it marks, what the claim refuses, what its removal restores. */
class SuppressionsIT {

    @TempDir Path dir;

    @Test
    void theClaimRefusesAnAddressOnTheListEvenWhenItsRowWasNeverMarkedAndThenMarksIt() throws Exception {
        Path file = dir.resolve("log.db");
        try (DeliveryLog log = DeliveryLog.openOrCreate(file, CLOCK)) {
            CampaignRecord c = campaign(log, row("ana@example.org", 2));
            StoredRecipient ana = stored(log, c, "ana@example.org");
            // Another program (or an older path) wrote the entry without marking rows: only the claim stands guard.
            try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = raw.createStatement()) {
                st.execute("INSERT INTO suppression (email_key, email, reason, source, added_at, added_by) VALUES "
                        + "('ana@example.org', 'ana@example.org', 'opted out', 'manual', '2025-03-01T08:00:00.000Z', 'x')");
            }
            assertThat(stored(log, c, "ana@example.org").state()).isEqualTo(State.QUEUED);

            assertThat(log.claim(ana, c.id())).isFalse();

            StoredRecipient after = stored(log, c, "ana@example.org");
            assertThat(after.state()).isEqualTo(State.SKIPPED);
            assertThat(after.attempts()).isZero();
            assertThat(after.skipReason()).isEqualTo("opted out");
            assertThat(log.dueRows(c, CLOCK.instant(), 10)).isEmpty();
            assertThat(log.history(c)).extracting(Event::kind).containsSubsequence(EventKind.QUEUED, EventKind.SKIPPED);
        }
    }

    @Test
    void aDeferredRowKeepsItsAttemptsAndRetryTimeUnderTheSkipAndResumesThereWhenLifted() {
        try (DeliveryLog log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK)) {
            CampaignRecord c = campaign(log, row("ana@example.org", 2), row("bea@example.org", 3));
            StoredRecipient ana = stored(log, c, "ana@example.org");
            assertThat(log.claim(ana, c.id())).isTrue();
            Instant retry = CLOCK.instant().plusSeconds(300);
            log.recordOutcome(c.id(), ana.id(), State.DEFERRED, 450, "450 busy", "deferred", retry);

            Suppressions.Outcome added = log.suppressions().add("Ana@Example.org", "asked", Suppressions.Source.MANUAL,
                    "tester");

            assertThat(added.rows()).isEqualTo(1);
            assertThat(stored(log, c, "ana@example.org").state()).isEqualTo(State.SKIPPED);
            assertThat(log.counts(c)).containsEntry(State.SKIPPED, 1).containsEntry(State.QUEUED, 1)
                    .containsEntry(State.DEFERRED, 0);
            assertThat(log.nextRetry(c)).isEmpty();
            assertThat(log.suppressions().isSuppressed("ANA@example.org")).isTrue();

            Suppressions.Outcome removed = log.suppressions().remove("ana@example.org", "opted back in", "tester");

            assertThat(removed.rows()).isEqualTo(1);
            StoredRecipient back = stored(log, c, "ana@example.org");
            assertThat(back.state()).isEqualTo(State.DEFERRED);
            assertThat(back.attempts()).isEqualTo(1);
            assertThat(back.nextAttemptAt()).isEqualTo(retry);
            assertThat(back.skipReason()).isNull();
            assertThat(log.history(c)).filteredOn(e -> e.recipientId() != null && e.recipientId() == ana.id())
                    .extracting(Event::kind, Event::fromState, Event::toState).endsWith(
                            tuple(EventKind.SKIPPED, State.DEFERRED, State.SKIPPED),
                            tuple(EventKind.SKIP_LIFTED, State.SKIPPED, State.DEFERRED));
            assertThat(log.suppressions().history()).extracting(Suppressions.Change::action,
                    Suppressions.Change::reason, Suppressions.Change::actor).containsExactly(
                    tuple(Suppressions.Action.ADDED, "asked", "tester"),
                    tuple(Suppressions.Action.REMOVED, "opted back in", "tester"));
        }
    }

    @Test
    void lettersAlreadyAcceptedOrFailedStayAsTheyWereWhenTheAddressIsSuppressed() {
        try (DeliveryLog log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK)) {
            CampaignRecord c = campaign(log, row("ana@example.org", 2));
            StoredRecipient ana = stored(log, c, "ana@example.org");
            log.claim(ana, c.id());
            log.recordOutcome(c.id(), ana.id(), State.ACCEPTED, 250, "250 ok", "accepted");

            Suppressions.Outcome added = log.suppressions().add("ana@example.org", "asked", Suppressions.Source.MANUAL,
                    "tester");

            assertThat(added.rows()).isZero();
            assertThat(stored(log, c, "ana@example.org").state()).isEqualTo(State.ACCEPTED);
        }
    }

    @Test
    void anImportIsOneTransactionAndAnAddressAlreadyListedKeepsItsFirstEntry() {
        try (DeliveryLog log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK)) {
            log.suppressions().add("ana@example.org", "phoned", Suppressions.Source.MANUAL, "tester");

            Suppressions.Outcome imported = log.suppressions().importAll(
                    List.of("ANA@example.org", "bea@example.org", "bea@example.org"), "old list", "tester");

            assertThat(imported.entries()).isEqualTo(1);
            assertThat(log.suppressions().list()).extracting(Suppressions.Entry::email, Suppressions.Entry::reason)
                    .containsExactly(tuple("ana@example.org", "phoned"),
                            tuple("bea@example.org", "old list"));
        }
    }
}
