package org.lettermerge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lettermerge.recipients.Addresses;

/**
 * Mail read from the organizers' mailbox: finding the letter it is about, and recording it once (keyed by the
 * incoming Message-ID) together with its line in the recipient's history. The recipient's delivery state is
 * never changed here: a reply or a bounce is something that happened after the SMTP server's answer, not a new one.
 */
public final class Inbox {

    private final Statements sql;

    Inbox(Statements sql) {
        this.sql = sql;
    }

    /** The row whose letter had this Message-ID (ours are unique across the whole log). */
    public Optional<RecipientRef> byMessageId(String messageId) {
        return sql.read("find a letter by Message-ID", () -> {
            try (ResultSet rs = sql.query("recipient-by-message-id", messageId)) {
                return rs.next() ? Optional.of(ref(rs)) : Optional.empty();
            }
        });
    }

    /**
     * The row whose letter went out with this VERP token in its envelope sender (message/BounceToken). Tokens are
     * the Message-IDs' random UUIDs, so unique; should two rows ever share one, neither is guessed.
     */
    public Optional<RecipientRef> byBounceToken(String token) {
        return sql.read("find a letter by bounce token", () -> {
            try (ResultSet rs = sql.query("recipient-by-bounce-token", token)) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                RecipientRef r = ref(rs);
                return rs.next() ? Optional.empty() : Optional.of(r);
            }
        });
    }

    /** The campaign's row for this address (compared lowercased, as rows are keyed). */
    public Optional<RecipientRef> byAddress(CampaignRecord campaign, String address) {
        return sql.read("find a recipient by address", () -> {
            try (ResultSet rs = sql.query("recipients-by-address", campaign.id(),
                    Addresses.key(address.strip()))) {
                return rs.next() ? Optional.of(ref(rs)) : Optional.empty();
            }
        });
    }

    /**
     * The campaign's rows whose CSV row names this address in an {@code alias} or {@code aliases} column (several
     * addresses separated by commas, semicolons or spaces): a person writing from another of their addresses.
     */
    public List<RecipientRef> byAlias(CampaignRecord campaign, String address) {
        String key = Addresses.key(address.strip());
        return sql.read("find a recipient by alias", () -> {
            List<RecipientRef> found = new ArrayList<>();
            try (ResultSet rs = sql.query("recipients-by-alias", campaign.id(), key)) {
                while (rs.next()) {
                    for (String alias : rs.getString("aliases").split("[,;\\s]+")) {
                        if (!alias.isBlank() && Addresses.key(alias.strip()).equals(key)) {
                            found.add(ref(rs));
                            break;
                        }
                    }
                }
            }
            return found;
        });
    }

    /** What a message with this key was recorded as, if it was. */
    public Optional<InboundKind> kindOf(String key) {
        return sql.read("look up incoming mail", () -> {
            try (ResultSet rs = sql.query("inbound-kind", key)) {
                return rs.next() ? Optional.of(InboundKind.valueOf(rs.getString(1))) : Optional.empty();
            }
        });
    }

    /**
     * Records the message and, when it has a recipient, its history line, in one transaction. Returns false (and
     * records nothing) when a message with the same key was recorded before.
     */
    public boolean record(InboundMessage m) {
        return sql.write("record incoming mail", () -> {
            String now = sql.now();
            RecipientRef r = m.recipient();
            if (sql.execute("insert-inbound", m.key(), r == null ? null : r.campaignId(), r == null ? null : r.id(),
                    m.kind(), m.receivedAt(), m.from(), m.subject(), m.snippet(), m.dsnAction(), m.dsnStatus(),
                    m.matchedBy(), now, m.asksUnsubscribe() ? 1 : 0, m.bounceReason()) != 1) {
                return false;
            }
            if (r != null) {
                sql.insertEvent(r.campaignId(), r.id(), now, m.kind().event(), null, null, null, null, detail(m));
            }
            return true;
        });
    }

    /** Every recorded message about the campaign's letters, oldest first. */
    public List<InboundMessage> ofCampaign(CampaignRecord campaign) {
        return list("inbound-of-campaign", campaign.id());
    }

    /**
     * What came back for the campaign's letters, oldest first: its own recorded mail, and every reply to a reminder
     * of one of its letters, attributed to that letter's row. Status, its CSV and JSON, and the report count
     * "replied" from this, so they agree with the reminders' claim (a reply to a reminder is a reply).
     */
    public List<InboundMessage> answering(CampaignRecord campaign) {
        return list("inbound-answering-campaign", campaign.id(), campaign.id());
    }

    /** Where the last reading of a mailbox folder stopped: its UIDVALIDITY and the highest UID read. */
    public record ReadingPosition(long uidValidity, long lastUid) {}

    public Optional<ReadingPosition> readingPosition(String mailbox) {
        return sql.read("read the mailbox position", () -> {
            try (ResultSet rs = sql.query("reading-position", mailbox)) {
                return rs.next() ? Optional.of(new ReadingPosition(rs.getLong(1), rs.getLong(2))) : Optional.empty();
            }
        });
    }

    public void saveReadingPosition(String mailbox, ReadingPosition position) {
        sql.write("save the mailbox position", () -> sql.execute("save-reading-position", mailbox,
                position.uidValidity(), position.lastUid(), sql.now()));
    }

    /** Every message nobody could tie to a letter, oldest first. */
    public List<InboundMessage> unmatched() {
        return list("unmatched-inbound");
    }

    private static String detail(InboundMessage m) {
        StringBuilder s = new StringBuilder("from ").append(m.from()).append(", received ").append(m.receivedAt());
        if (m.dsnAction() != null) {
            s.append(", Action: ").append(m.dsnAction());
        }
        if (m.dsnStatus() != null) {
            s.append(", Status: ").append(m.dsnStatus());
        }
        if (m.bounceReason() != null) {
            s.append(", ").append(m.bounceClass() == null ? "" : m.bounceClass().label() + ": ")
                    .append(m.bounceReason());
        }
        s.append(", matched by ").append(m.matchedBy()).append(", Message-ID ").append(m.key());
        return m.asksUnsubscribe() ? s.append(", asks to unsubscribe").toString() : s.toString();
    }

    private List<InboundMessage> list(String query, Object... params) {
        return sql.read("read incoming mail", () -> {
            List<InboundMessage> messages = new ArrayList<>();
            try (ResultSet rs = sql.query(query, params)) {
                while (rs.next()) {
                    long recipientId = rs.getLong("recipient_id");
                    RecipientRef recipient = rs.wasNull() ? null
                            : new RecipientRef(recipientId, rs.getLong("campaign_id"), null);
                    messages.add(new InboundMessage(rs.getString("message_key"),
                            InboundKind.valueOf(rs.getString("kind")), Timestamps.parse(rs.getString("received_at")),
                            rs.getString("from_address"), rs.getString("subject"), rs.getString("snippet"),
                            rs.getString("dsn_action"), rs.getString("dsn_status"), rs.getString("matched_by"),
                            recipient, rs.getInt("asks_unsubscribe") != 0, rs.getString("bounce_reason")));
                }
            }
            return messages;
        });
    }

    private static RecipientRef ref(ResultSet rs) throws SQLException {
        return new RecipientRef(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("email"));
    }
}
