package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.store.LogFixtures.CLOCK;
import static org.lettermerge.store.LogFixtures.campaign;
import static org.lettermerge.store.LogFixtures.row;
import static org.lettermerge.store.LogFixtures.stored;
import static org.lettermerge.store.LogFixtures.version;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryLogQueueChangesIT {

    @TempDir
    Path dir;

    private DeliveryLog log;
    private CampaignRecord c;

    @BeforeEach
    void queueTwoRows() {
        log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK);
        c = campaign(log, row("a@example.org", 2), row("b@example.org", 3));
    }

    @AfterEach
    void close() {
        log.close();
    }

    private void apply(CampaignVersion newVersion, List<NewRecipient> added, List<QueueChanges.RowUpdate> updated,
                       List<StoredRecipient> removed) {
        log.apply(c, new QueueChanges(newVersion, "/campaigns/c.yaml", added, updated, removed));
    }

    private List<Event> eventsOf(StoredRecipient r) {
        return log.history(c).stream().filter(e -> Long.valueOf(r.id()).equals(e.recipientId())).toList();
    }

    @Test
    void aNewVersionBecomesTheAcceptedOne() {
        apply(version(2), List.of(), List.of(), List.of());

        CampaignRecord reread = log.findCampaign("c").orElseThrow();
        assertThat(reread.version()).isEqualTo(2);
        assertThat(log.currentVersion(reread)).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.contentHash()).isEqualTo("content-2");
            assertThat(v.parts()).containsEntry("subject", "s2");
        });
        assertThat(log.history(c)).filteredOn(e -> e.kind() == EventKind.VERSION).extracting(Event::detail)
                .containsExactly("version 1", "version 2");
    }

    @Test
    void addedRowsAreQueued() {
        apply(version(2), List.of(row("new@example.org", 4)), List.of(), List.of());

        StoredRecipient added = stored(log, c, "new@example.org");
        assertThat(added.state()).isEqualTo(State.QUEUED);
        assertThat(eventsOf(added)).extracting(Event::kind).containsExactly(EventKind.QUEUED);
    }

    @Test
    void aChangedRowTakesItsNewFieldsAndRecordsTheChange() {
        StoredRecipient before = stored(log, c, "a@example.org");
        var update = new QueueChanges.RowUpdate(before, "A@example.org", "Ana B",
                Map.of("email", "A@example.org", "name", "Ana B"), "hash-new", 7);

        apply(version(2), List.of(), List.of(update), List.of());

        StoredRecipient after = stored(log, c, "A@example.org");
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.name()).isEqualTo("Ana B");
        assertThat(after.fields()).containsEntry("name", "Ana B");
        assertThat(after.rowHash()).isEqualTo("hash-new");
        assertThat(after.line()).isEqualTo(7);
        assertThat(after.messageId()).isEqualTo(before.messageId());
        assertThat(eventsOf(after)).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.ROW_CHANGED);
            assertThat(e.detail()).isEqualTo("line 7, row data changed");
        });
    }

    @Test
    void aRemovedRowIsMarkedAndCanNeverBeClaimed() {
        StoredRecipient b = stored(log, c, "b@example.org");

        apply(null, List.of(), List.of(), List.of(b));

        StoredRecipient removed = stored(log, c, "b@example.org");
        assertThat(removed.removedAt()).isEqualTo(CLOCK.instant());
        assertThat(removed.state()).isEqualTo(State.QUEUED);
        assertThat(eventsOf(removed)).last().extracting(Event::kind).isEqualTo(EventKind.REMOVED);
        assertThat(log.claim(removed, c.id())).isFalse();
        assertThat(stored(log, c, "b@example.org").attempts()).isZero();
        assertThat(log.counts(c)).containsEntry(State.QUEUED, 1);
    }

    @Test
    void aRestoredRowIsSendableAgain() {
        StoredRecipient b = stored(log, c, "b@example.org");
        apply(null, List.of(), List.of(), List.of(b));
        StoredRecipient removed = stored(log, c, "b@example.org");
        var back = new QueueChanges.RowUpdate(removed, removed.email(), removed.name(), removed.fields(),
                removed.rowHash(), 9);

        apply(null, List.of(), List.of(back), List.of());

        StoredRecipient restored = stored(log, c, "b@example.org");
        assertThat(restored.isRemoved()).isFalse();
        assertThat(eventsOf(restored)).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.RESTORED);
            assertThat(e.detail()).isEqualTo("line 9");
        });
        assertThat(log.claim(restored, c.id())).isTrue();
    }
}
