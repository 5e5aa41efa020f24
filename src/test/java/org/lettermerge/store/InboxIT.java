package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.store.LogFixtures.CLOCK;
import static org.lettermerge.store.LogFixtures.campaign;
import static org.lettermerge.store.LogFixtures.row;
import static org.lettermerge.store.LogFixtures.stored;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's record of mail read from the mailbox: once per message, with a history line, states untouched. */
class InboxIT {

    @TempDir
    Path dir;

    private static InboundMessage bounce(String key, RecipientRef to) {
        return new InboundMessage(key, InboundKind.BOUNCED, Instant.parse("2025-03-02T10:00:00Z"),
                "MAILER-DAEMON@mx.example.net", "Undelivered Mail Returned to Sender", "User unknown", "failed",
                "5.1.1", "original Message-ID", to);
    }

    @Test
    void aLetterIsFoundByItsMessageIdAndItsRecipientByAddressInAnyCase() {
        try (DeliveryLog log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK)) {
            CampaignRecord c = campaign(log, row("Ana@Example.org", 2));
            StoredRecipient ana = stored(log, c, "Ana@Example.org");

            assertThat(log.inbox().byMessageId(ana.messageId())).hasValue(new RecipientRef(ana.id(), c.id(),
                    "Ana@Example.org"));
            assertThat(log.inbox().byMessageId("<someone-else@example.net>")).isEmpty();
            assertThat(log.inbox().byAddress(c, " ANA@example.ORG")).map(RecipientRef::id).hasValue(ana.id());
        }
    }

    @Test
    void messageIdsAreKeptAsWrittenAndFoundInAnyCase() {
        try (DeliveryLog log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK)) {
            CampaignRecord c = campaign(log, row("ana@example.org", 2));
            StoredRecipient ana = stored(log, c, "ana@example.org");
            RecipientRef ref = log.inbox().byMessageId(ana.messageId().toUpperCase()).orElseThrow();
            // Logs written before kept incoming keys lowercased: the same message read again is still known.
            assertThat(log.inbox().record(bounce("<dsn-1a@mx.example.net>", ref))).isTrue();

            assertThat(log.inbox().kindOf("<DSN-1A@MX.example.net>")).hasValue(InboundKind.BOUNCED);
            assertThat(log.inbox().record(bounce("<DSN-1A@MX.example.net>", ref))).isFalse();
            assertThat(log.inbox().record(bounce("<Dsn-2B@Mx.Example.net>", ref))).isTrue();
            assertThat(log.inbox().ofCampaign(c)).extracting(InboundMessage::key)
                    .containsExactly("<dsn-1a@mx.example.net>", "<Dsn-2B@Mx.Example.net>");
        }
    }

    @Test
    void aMessageIsRecordedOnceWithOneHistoryLineAndTheDeliveryStateUnchanged() {
        try (DeliveryLog log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK)) {
            CampaignRecord c = campaign(log, row("ana@example.org", 2));
            StoredRecipient ana = stored(log, c, "ana@example.org");
            RecipientRef ref = log.inbox().byMessageId(ana.messageId()).orElseThrow();

            assertThat(log.inbox().record(bounce("<dsn-1@mx.example.net>", ref))).isTrue();
            assertThat(log.inbox().record(bounce("<dsn-1@mx.example.net>", ref))).isFalse();

            assertThat(log.inbox().kindOf("<dsn-1@mx.example.net>")).hasValue(InboundKind.BOUNCED);
            assertThat(log.inbox().ofCampaign(c)).singleElement().satisfies(m -> {
                assertThat(m.kind()).isEqualTo(InboundKind.BOUNCED);
                assertThat(m.dsnStatus()).isEqualTo("5.1.1");
                assertThat(m.isHardBounce()).isTrue();
                assertThat(m.recipient().id()).isEqualTo(ana.id());
            });
            assertThat(log.history(c)).filteredOn(e -> e.kind() == EventKind.BOUNCED).singleElement()
                    .satisfies(e -> {
                        assertThat(e.recipientId()).isEqualTo(ana.id());
                        assertThat(e.detail()).contains("Status: 5.1.1", "<dsn-1@mx.example.net>");
                    });
            assertThat(stored(log, c, "ana@example.org").state()).isEqualTo(ana.state());
        }
    }

    @Test
    void unmatchedMailIsKeptWithoutAHistoryLine() {
        try (DeliveryLog log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK)) {
            CampaignRecord c = campaign(log, row("ana@example.org", 2));
            InboundMessage stranger = new InboundMessage("sha256:abc", InboundKind.UNMATCHED,
                    Instant.parse("2025-03-02T10:00:00Z"), "someone@example.net", "Hello", "A question", null, null,
                    null, null);

            assertThat(log.inbox().record(stranger)).isTrue();

            assertThat(log.inbox().unmatched()).extracting(InboundMessage::key).containsExactly("sha256:abc");
            assertThat(log.inbox().ofCampaign(c)).isEmpty();
            assertThat(log.history(c)).extracting(Event::kind).doesNotContain(EventKind.REPLIED,
                    EventKind.AUTO_REPLY, EventKind.BOUNCED, EventKind.DELAYED);
        }
    }
}
