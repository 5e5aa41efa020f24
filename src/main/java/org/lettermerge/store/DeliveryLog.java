package org.lettermerge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lettermerge.problems.Problem;

/**
 * The delivery log: every campaign, every recipient's state and an append-only history of every attempt.
 * Each method is one transaction; a state change and its history line are committed together. Any SQL
 * failure surfaces as {@link DeliveryLogException}, and the caller stops sending.
 */
public final class DeliveryLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final Database db;
    private final NamedQueries sql = NamedQueries.load("queries.sql");
    private final Clock clock;

    private DeliveryLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Opens the log, creating it (and its folder) when the file does not exist yet. */
    public static DeliveryLog openOrCreate(Path file, Clock clock) {
        return new DeliveryLog(Database.open(file, true), clock);
    }

    /** Opens a log that must already exist. */
    public static DeliveryLog openExisting(Path file, Clock clock) {
        return new DeliveryLog(Database.open(file, false), clock);
    }

    public Path path() {
        return db.path();
    }

    public Optional<CampaignRecord> findCampaign(String name) {
        return read("find campaign " + name, () -> {
            try (PreparedStatement st = prepare("find-campaign", name); ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Rows.campaign(rs)) : Optional.empty();
            }
        });
    }

    public Optional<CampaignVersion> currentVersion(CampaignRecord campaign) {
        return read("read the campaign version", () -> {
            try (PreparedStatement st = prepare("current-version", campaign.id()); ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Rows.version(rs, this::fromJson)) : Optional.empty();
            }
        });
    }

    public List<StoredRecipient> recipients(CampaignRecord campaign) {
        return read("read recipients", () -> {
            List<StoredRecipient> rows = new ArrayList<>();
            try (PreparedStatement st = prepare("recipients", campaign.id()); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(Rows.recipient(rs, this::fromJson));
                }
            }
            return rows;
        });
    }

    public Map<State, Integer> counts(CampaignRecord campaign) {
        Map<State, Integer> counts = new EnumMap<>(State.class);
        for (State s : State.values()) {
            counts.put(s, 0);
        }
        recipients(campaign).stream().filter(r -> !r.isRemoved()).forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        return counts;
    }

    public List<Event> history(CampaignRecord campaign) {
        return read("read the history", () -> {
            List<Event> events = new ArrayList<>();
            try (PreparedStatement st = prepare("history", campaign.id()); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    events.add(Rows.event(rs));
                }
            }
            return events;
        });
    }

    /** Creates a campaign with its first version and queues its recipients, all in one transaction. */
    public CampaignRecord createCampaign(String name, String campaignFile, CampaignVersion first,
                                         List<NewRecipient> recipients) {
        long id = write("queue campaign " + name, () -> {
            String now = now();
            long campaignId;
            try (PreparedStatement st = prepare("insert-campaign", name, campaignFile, first.version(), now)) {
                st.executeUpdate();
                campaignId = generatedKey(st);
            }
            insertVersion(campaignId, first, now);
            for (NewRecipient r : recipients) {
                insertRecipient(campaignId, r, now);
            }
            return campaignId;
        });
        return findCampaign(name).filter(c -> c.id() == id).orElseThrow();
    }

    /** Writes what queuing found: a new accepted version, added, changed, restored and removed rows. */
    public void apply(CampaignRecord campaign, QueueChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        write("update campaign " + campaign.name(), () -> {
            String now = now();
            if (changes.newVersion() != null) {
                insertVersion(campaign.id(), changes.newVersion(), now);
                execute("set-campaign-version", changes.newVersion().version(), changes.campaignFile(), campaign.id());
            }
            for (NewRecipient r : changes.added()) {
                insertRecipient(campaign.id(), r, now);
            }
            for (QueueChanges.RowUpdate u : changes.updated()) {
                execute("update-recipient-row", u.email(), u.name(), toJson(u.fields()), u.rowHash(), u.line(), now,
                        u.before().id());
                EventKind kind = u.before().isRemoved() ? EventKind.RESTORED : EventKind.ROW_CHANGED;
                insertEvent(campaign.id(), u.before().id(), now, kind, null, null, null, null,
                        "line " + u.line() + (u.dataChanged() ? ", row data changed" : ""));
            }
            for (StoredRecipient r : changes.removed()) {
                execute("mark-removed", now, now, r.id());
                insertEvent(campaign.id(), r.id(), now, EventKind.REMOVED, null, null, null, null,
                        "no longer in the recipients file; never sent while it is gone");
            }
            return null;
        });
    }

    /**
     * Claims a row for one send: QUEUED/DEFERRED → SENDING, committed before any SMTP command for it.
     * Returns false when another sender got there first or the row is no longer sendable.
     */
    public boolean claim(StoredRecipient row, long campaignId) {
        return write("claim " + row.email(), () -> {
            String now = now();
            if (execute("claim", now, now, row.id()) != 1) {
                return false;
            }
            insertEvent(campaignId, row.id(), now, EventKind.CLAIMED, row.state(), State.SENDING, null, null,
                    "attempt " + (row.attempts() + 1));
            return true;
        });
    }

    /** Committed just before the final "." is sent: from here on, the server may have the letter. */
    public void recordHandoff(long campaignId, long recipientId) {
        write("record the data handoff", () -> {
            insertEvent(campaignId, recipientId, now(), EventKind.DATA_HANDOFF, null, null, null, null, null);
            return null;
        });
    }

    /** Settles a SENDING row with the attempt's outcome. */
    public void recordOutcome(long campaignId, long recipientId, State to, Integer code, String reply, String detail) {
        write("record an outcome", () -> {
            String now = now();
            if (execute("set-outcome", to.name(), code, reply, now, recipientId) != 1) {
                throw new SQLException("recipient " + recipientId + " was not in SENDING");
            }
            insertEvent(campaignId, recipientId, now, EventKind.OUTCOME, State.SENDING, to, code, reply, detail);
            return null;
        });
    }

    /**
     * Settles rows left in SENDING by a sender that is gone: UNKNOWN when the history shows the message data
     * was handed over (the server may have it), otherwise QUEUED again (nothing reached the server).
     * Only call while holding the {@link SenderLock}: otherwise a live sender's row could be settled.
     */
    public Map<Long, State> recoverInterrupted(CampaignRecord campaign) {
        return write("recover interrupted sends", () -> {
            Map<Long, State> settled = new java.util.LinkedHashMap<>();
            try (PreparedStatement st = prepare("interrupted", campaign.id()); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    settled.put(rs.getLong("id"), rs.getBoolean("handed_over") ? State.UNKNOWN : State.QUEUED);
                }
            }
            String now = now();
            for (var e : settled.entrySet()) {
                execute("set-state", e.getValue().name(), now, e.getKey(), State.SENDING.name());
                insertEvent(campaign.id(), e.getKey(), now, EventKind.RECOVERED, State.SENDING, e.getValue(), null,
                        null, e.getValue() == State.UNKNOWN
                                ? "interrupted after the message data was handed to the server: it may have it"
                                : "interrupted before the message data reached the server: safe to send");
            }
            return settled;
        });
    }

    /** A --test-to letter: recorded in the history, never as a delivery. */
    public void recordTestSend(CampaignRecord campaign, String to, String messageId, Integer code, String reply) {
        write("record the test send", () -> {
            insertEvent(campaign.id(), null, now(), EventKind.TEST_SEND, null, null, code, reply,
                    "test letter to " + to + ", Message-ID " + messageId);
            return null;
        });
    }

    private void insertVersion(long campaignId, CampaignVersion v, String now) throws SQLException {
        execute("insert-version", campaignId, v.version(), v.contentHash(), toJson(v.parts()), v.recipientsHash(), now);
        insertEvent(campaignId, null, now, EventKind.VERSION, null, null, null, null, "version " + v.version());
    }

    private void insertRecipient(long campaignId, NewRecipient r, String now) throws SQLException {
        long id;
        try (PreparedStatement st = prepare("insert-recipient", campaignId, r.emailKey(), r.email(), r.name(),
                toJson(r.fields()), r.rowHash(), r.line(), r.messageId(), now, now)) {
            st.executeUpdate();
            id = generatedKey(st);
        }
        insertEvent(campaignId, id, now, EventKind.QUEUED, null, State.QUEUED, null, null,
                "line " + r.line() + ", Message-ID " + r.messageId());
    }

    private void insertEvent(long campaignId, Long recipientId, String at, EventKind kind, State from, State to,
                             Integer code, String reply, String detail) throws SQLException {
        execute("insert-event", campaignId, recipientId, at, kind.name(), from == null ? null : from.name(),
                to == null ? null : to.name(), code, reply, detail);
    }

    private int execute(String query, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(query, params)) {
            return st.executeUpdate();
        }
    }

    private PreparedStatement prepare(String query, Object... params) throws SQLException {
        PreparedStatement st = db.connection().prepareStatement(sql.get(query), Statement.RETURN_GENERATED_KEYS);
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                st.setNull(i + 1, Types.NULL);
            } else {
                st.setObject(i + 1, params[i]);
            }
        }
        return st;
    }

    private static long generatedKey(PreparedStatement st) throws SQLException {
        try (ResultSet keys = st.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private String now() {
        return Timestamps.format(clock.instant());
    }

    private String toJson(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(new java.util.TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new DeliveryLogException("the delivery log holds unreadable data: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T read(String what, Database.Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private <T> T write(String what, Database.Work<T> work) {
        try {
            return db.inTransaction(work);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private DeliveryLogException failure(String what, SQLException e) {
        return new DeliveryLogException("cannot " + what + " in the delivery log at " + Problem.display(db.path())
                + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        db.close();
    }
}
