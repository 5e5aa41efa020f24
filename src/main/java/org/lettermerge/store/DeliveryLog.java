package org.lettermerge.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.lettermerge.message.BounceToken;

/**
 * The delivery log: every campaign, every recipient's state and an append-only history of every attempt.
 * Each method is one transaction; a state change and its history line are committed together. Any SQL
 * failure surfaces as {@link DeliveryLogException}, and the caller stops sending. Campaign-level decisions
 * (schedule, pause, resume, cancel) are in {@link #control()}, sending budgets in {@link #budgets()}, the
 * suppression list shared by every campaign in {@link #suppressions()}, mail read from the mailbox in
 * {@link #inbox()}.
 */
public final class DeliveryLog implements AutoCloseable {

    private final Statements sql;
    private final CampaignControl control;
    private final AccountBudgets budgets;
    private final Suppressions suppressions;
    private final Inbox inbox;
    private final Followups followups;
    private final RecipientListing listing;

    private DeliveryLog(Database db, Clock clock) {
        this.sql = new Statements(db, clock);
        this.control = new CampaignControl(sql);
        this.budgets = new AccountBudgets(sql);
        this.suppressions = new Suppressions(sql);
        this.inbox = new Inbox(sql);
        this.followups = new Followups(sql);
        this.listing = new RecipientListing(sql);
    }

    /** Opens the log, creating it (and its folder) when the file does not exist yet. */
    public static DeliveryLog openOrCreate(Path file, Clock clock) {
        return new DeliveryLog(Database.open(file, true), clock);
    }

    /**
     * Why opening or creating a log at this path would be refused (a missing folder, a file that is not a
     * Lettermerge log), read without writing anything; empty when it may be opened, or created because no file
     * is there. For commands that predict what `send --live` would do.
     */
    public static Optional<DeliveryLogException> whyUnusable(Path file) {
        try {
            LogFile.vet(file);
            return Optional.empty();
        } catch (DeliveryLogException e) {
            return Optional.of(e);
        }
    }

    /** Opens a log that must already exist. */
    public static DeliveryLog openExisting(Path file, Clock clock) {
        return new DeliveryLog(Database.open(file, false), clock);
    }

    /**
     * Opens a log that must exist, at this version's schema, for reading only: every write fails. For views that
     * must not change the log by mistake (the dashboard's pages).
     */
    public static DeliveryLog openReadOnly(Path file, Clock clock) {
        return new DeliveryLog(Database.openReadOnly(file), clock);
    }

    public Path path() {
        return sql.db.path();
    }

    /** The random id this log was given when it was created: campaigns remember which log they were queued in. */
    public String id() {
        return sql.read("read the log's id", () -> {
            try (ResultSet rs = sql.query("log-id")) {
                return rs.getString(1);
            }
        });
    }

    Statements statements() {
        return sql;
    }

    public CampaignControl control() {
        return control;
    }

    public AccountBudgets budgets() {
        return budgets;
    }

    public Suppressions suppressions() {
        return suppressions;
    }

    /** Replies and bounces read from the organizers' mailbox. */
    public Inbox inbox() {
        return inbox;
    }

    /** Follow-up campaigns (reminders) and their link to the letters they answer. */
    public Followups followups() {
        return followups;
    }

    /** A campaign's rows streamed for the views (status, the report), each choice of rows served by an index. */
    public RecipientListing listing() {
        return listing;
    }

    public Optional<CampaignRecord> findCampaign(String name) {
        return control.find(name);
    }

    public Optional<CampaignVersion> currentVersion(CampaignRecord campaign) {
        return sql.read("read the campaign version", () -> {
            try (ResultSet rs = sql.query("current-version", campaign.id())) {
                return rs.next() ? Optional.of(Rows.version(rs, sql::fromJson)) : Optional.empty();
            }
        });
    }

    public List<StoredRecipient> recipients(CampaignRecord campaign) {
        return rows("recipients", campaign.id());
    }

    /** Rows that may be sent at {@code now}: QUEUED, and DEFERRED whose retry time has come; in queue order. */
    public List<StoredRecipient> dueRows(CampaignRecord campaign, Instant now, int limit) {
        return rows("due-rows", campaign.id(), limit, campaign.id(), now, limit, limit);
    }

    /** How many letters could go out at {@code now} (without reading them). */
    public int dueCount(CampaignRecord campaign, Instant now) {
        return sql.read("count due letters", () -> {
            try (ResultSet rs = sql.query("due-count", campaign.id(), now)) {
                return rs.getInt(1);
            }
        });
    }

    /** Whether any of the campaign's letters was ever attempted. */
    public boolean anyAttempted(CampaignRecord campaign) {
        return sql.read("look for an attempt", () -> {
            try (ResultSet rs = sql.query("any-attempted", campaign.id())) {
                return rs.getInt(1) == 1;
            }
        });
    }

    /** The earliest retry time among DEFERRED rows, if any. */
    public Optional<Instant> nextRetry(CampaignRecord campaign) {
        return sql.read("read the next retry", () -> {
            try (ResultSet rs = sql.query("next-retry", campaign.id())) {
                return rs.next() ? Optional.ofNullable(Timestamps.parse(rs.getString(1))) : Optional.empty();
            }
        });
    }

    public Map<State, Integer> counts(CampaignRecord campaign) {
        Map<State, Integer> counts = new EnumMap<>(State.class);
        for (State s : State.values()) {
            counts.put(s, 0);
        }
        return sql.read("count recipients", () -> {
            try (ResultSet rs = sql.query("counts", campaign.id())) {
                while (rs.next()) {
                    counts.put(State.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    public List<Event> history(CampaignRecord campaign) {
        return sql.read("read the history", () -> {
            List<Event> events = new ArrayList<>();
            try (ResultSet rs = sql.query("history", campaign.id())) {
                while (rs.next()) {
                    events.add(Rows.event(rs));
                }
            }
            return events;
        });
    }

    /**
     * Creates a campaign with its first version and queues its recipients, all in one transaction. The rows are
     * taken one at a time, so a large list need not be held twice in memory.
     */
    public CampaignRecord createCampaign(String name, String campaignFile, CampaignVersion first,
                                         Iterable<NewRecipient> recipients) {
        sql.write("queue campaign " + name, () -> {
            String now = sql.now();
            long campaignId = sql.insert("insert-campaign", name, campaignFile, first.version(), now);
            insertVersion(campaignId, first, now);
            for (NewRecipient r : recipients) {
                insertRecipient(campaignId, r, now);
            }
            suppressions.skip("skip-campaign", campaignId, now);
            return campaignId;
        });
        return findCampaign(name).orElseThrow();
    }

    /** A reminder row about to be queued and the parent row whose letter it answers. */
    public record NewReminder(NewRecipient row, long parentRowId) {}

    /**
     * Creates a follow-up campaign of {@code parent} with its first version and its reminder rows, in one
     * transaction; addresses on the suppression list are skipped as they are queued. No claim of its rows sends a
     * person a reminder less than {@code spacing} after another reminder about the same letter.
     */
    public CampaignRecord createFollowup(CampaignRecord parent, String name, int number, Followups.Who who,
                                         Path template, String subject, java.time.Duration spacing,
                                         CampaignVersion first, List<NewReminder> reminders) {
        sql.write("queue follow-up " + name, () -> {
            String now = sql.now();
            long campaignId = sql.insert("insert-campaign", name, parent.campaignFile(), first.version(), now);
            followups.insert(campaignId, parent.id(), number, who, template, subject, spacing, now);
            insertVersion(campaignId, first, now);
            for (NewReminder r : reminders) {
                long id = insertRecipient(campaignId, r.row(), now);
                followups.linkToParent(id, r.parentRowId());
            }
            suppressions.skip("skip-campaign", campaignId, now);
            return campaignId;
        });
        return findCampaign(name).orElseThrow();
    }

    /** Writes what queuing found: a new accepted version, added, changed, restored and removed rows. */
    public void apply(CampaignRecord campaign, QueueChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        sql.write("update campaign " + campaign.name(), () -> {
            String now = sql.now();
            if (changes.newVersion() != null) {
                insertVersion(campaign.id(), changes.newVersion(), now);
                sql.execute("set-campaign-version", changes.newVersion().version(), changes.campaignFile(), campaign.id());
            }
            for (NewRecipient r : changes.added()) {
                insertRecipient(campaign.id(), r, now);
            }
            for (QueueChanges.RowUpdate u : changes.updated()) {
                sql.execute("update-recipient-row", u.email(), u.name(), sql.toJson(u.fields()), u.rowHash(), u.line(),
                        now, SearchText.of(u.email(), u.name()), u.before().id());
                EventKind kind = u.before().isRemoved() ? EventKind.RESTORED : EventKind.ROW_CHANGED;
                sql.insertEvent(campaign.id(), u.before().id(), now, kind, null, null, null, null,
                        "line " + u.line() + (u.dataChanged() ? ", row data changed" : ""));
            }
            for (StoredRecipient r : changes.removed()) {
                sql.execute("mark-removed", now, now, r.id());
                sql.insertEvent(campaign.id(), r.id(), now, EventKind.REMOVED, null, null, null, null,
                        "no longer in the recipients file; never sent while it is gone");
            }
            // An address on the suppression list that comes (back) into the CSV is skipped as it is queued.
            suppressions.skip("skip-campaign", campaign.id(), now);
            return null;
        });
    }

    /**
     * Claims a row for one send: QUEUED/DEFERRED → SENDING, committed before any SMTP command for it, and only
     * while its campaign is ACTIVE. With an account, the message's slot in that account's budget is taken in
     * the same transaction. Returns false when the row is no longer sendable (another sender, a pause, its
     * address suppressed since the row was read — then the row is marked SKIPPED in the same transaction, so it
     * is not offered again).
     *
     */
    /**
     * @param version the campaign version the caller makes the letter from (null: any): a claim for an older
     *                version than the accepted one fails, so no letter goes out made from the files it replaced
     */
    public boolean claim(StoredRecipient row, long campaignId, String account, Integer version) {
        // Not synced to disk on its own: against another sender and a killed process it holds as soon as it is
        // committed, and only a power cut can lose it — with everything after it, never alone. A claim lost so is
        // one whose letter had not reached the final "." (the handoff, synced before it, would have made the claim
        // durable too): its row is rightly QUEUED.
        return sql.write("claim " + row.email(), GroupCommit.Sync.WITH_NEXT, () -> {
            // Inside the transaction: an outcome committed (and lost) just before it is known by now.
            sql.throwIfHandedWorkFailed();
            String now = sql.now();
            if (sql.execute("claim", now, now, now, row.id(), now, version, version, now) != 1) {
                suppressions.skip("skip-row", row.id(), now);
                followups.skipIfNoLongerDue(row.id(), now);
                return false;
            }
            if (account != null) {
                budgets.takeSlot(account, now);
            }
            sql.insertEvent(campaignId, row.id(), now, EventKind.CLAIMED, row.state(), State.SENDING, null, null,
                    "attempt " + (row.attempts() + 1));
            return true;
        });
    }

    public boolean claim(StoredRecipient row, long campaignId) {
        return claim(row, campaignId, null, null);
    }

    /** Committed just before the final "." is sent: from here on, the server may have the letter. */
    public void recordHandoff(long campaignId, long recipientId) {
        sql.write("record the data handoff", () -> {
            sql.insertEvent(campaignId, recipientId, sql.now(), EventKind.DATA_HANDOFF, null, null, null, null, null);
            return null;
        });
    }

    /** What one attempt came to, for a SENDING row; {@code nextAttempt} only for a DEFERRED one. */
    public record Outcome(long campaignId, long recipientId, State to, Integer code, String reply, String detail,
                          Instant nextAttempt) {}

    /** Settles a SENDING row with the attempt's outcome. */
    public void recordOutcome(Outcome outcome) {
        sql.write("record an outcome", () -> {
            writeOutcome(outcome);
            return null;
        });
    }

    /**
     * Settles a SENDING row without waiting: the outcome is committed within {@link GroupCommit#LINGER_MICROS}
     * (sooner with the next write or read), and reaches the disk with the next synced commit (the next letter's
     * handoff) or at {@link #sync}. A crash in between leaves the row handed off and unsettled, which recovery makes
     * UNKNOWN — never QUEUED, so never sent twice. If it cannot be written, the next claim fails.
     */
    public void handOutcome(Outcome outcome) {
        sql.hand(() -> {
            writeOutcome(outcome);
            return null;
        });
    }

    /** Puts every commit so far on disk (a checkpoint syncs the WAL first): for writes made without waiting for it. */
    public void sync() {
        sql.sync("sync the log to disk");
    }

    public void recordOutcome(long campaignId, long recipientId, State to, Integer code, String reply, String detail,
                              Instant nextAttempt) {
        recordOutcome(new Outcome(campaignId, recipientId, to, code, reply, detail, nextAttempt));
    }

    public void recordOutcome(long campaignId, long recipientId, State to, Integer code, String reply, String detail) {
        recordOutcome(campaignId, recipientId, to, code, reply, detail, null);
    }

    private void writeOutcome(Outcome o) throws SQLException {
        String now = sql.now();
        if (sql.execute("set-outcome", o.to(), o.code(), o.reply(), o.nextAttempt(), now, o.recipientId()) != 1) {
            throw new SQLException("recipient " + o.recipientId() + " was not in SENDING");
        }
        sql.insertEvent(o.campaignId(), o.recipientId(), now, EventKind.OUTCOME, State.SENDING, o.to(), o.code(),
                o.reply(), o.nextAttempt() == null ? o.detail() : o.detail() + "; next attempt after " + o.nextAttempt());
    }

    /**
     * Settles rows left in SENDING by a sender that is gone: UNKNOWN when the history shows the message data
     * was handed over (the server may have it), otherwise QUEUED again (nothing reached the server).
     * Only a holder of the {@link SenderLock} may, checked in the same transaction: a live sender's row is never
     * settled by another process.
     */
    public Map<Long, State> recoverInterrupted(CampaignRecord campaign, SenderLock lock) {
        return sql.write("recover interrupted sends", () -> {
            if (!lock.isHeld()) {
                throw new SQLException("another process holds the sender claim on this log; nothing was recovered");
            }
            Map<Long, State> settled = new LinkedHashMap<>();
            try (ResultSet rs = sql.query("interrupted", campaign.id())) {
                while (rs.next()) {
                    settled.put(rs.getLong("id"), rs.getBoolean("handed_over") ? State.UNKNOWN : State.QUEUED);
                }
            }
            String now = sql.now();
            for (var e : settled.entrySet()) {
                sql.execute("set-state", e.getValue(), now, e.getKey(), State.SENDING);
                sql.insertEvent(campaign.id(), e.getKey(), now, EventKind.RECOVERED, State.SENDING, e.getValue(), null,
                        null, e.getValue() == State.UNKNOWN
                                ? "interrupted after the message data was handed to the server: it may have it"
                                : "interrupted before the message data reached the server: safe to send");
            }
            return settled;
        });
    }

    /**
     * The organizer's decision about an UNKNOWN row: ACCEPTED (it arrived), FAILED (give up), or QUEUED (send it
     * again — with the same Message-ID, so the recipient's mail system can recognise a duplicate).
     */
    public boolean resolve(CampaignRecord campaign, StoredRecipient row, State to, String note) {
        if (to != State.ACCEPTED && to != State.FAILED && to != State.QUEUED) {
            throw new IllegalArgumentException("an UNKNOWN row resolves to ACCEPTED, FAILED or QUEUED, not " + to);
        }
        return sql.write("resolve " + row.email(), () -> {
            String now = sql.now();
            if (sql.execute("resolve-unknown", to, now, row.id()) != 1) {
                return false;
            }
            sql.insertEvent(campaign.id(), row.id(), now, EventKind.RESOLVED, State.UNKNOWN, to, null, null, note);
            return true;
        });
    }

    /** A --test-to letter: recorded in the history, never as a delivery. */
    public void recordTestSend(CampaignRecord campaign, String to, String messageId, Integer code, String reply) {
        sql.write("record the test send", () -> {
            sql.insertEvent(campaign.id(), null, sql.now(), EventKind.TEST_SEND, null, null, code, reply,
                    "test letter to " + to + ", Message-ID " + messageId);
            return null;
        });
    }

    private List<StoredRecipient> rows(String query, Object... params) {
        List<StoredRecipient> rows = new ArrayList<>();
        each(rows::add, query, params);
        return rows;
    }

    private void each(Consumer<StoredRecipient> action, String query, Object... params) {
        sql.read("read recipients", () -> {
            try (ResultSet rs = sql.query(query, params)) {
                while (rs.next()) {
                    action.accept(Rows.recipient(rs, sql::fromJson));
                }
            }
            return null;
        });
    }

    private void insertVersion(long campaignId, CampaignVersion v, String now) throws SQLException {
        sql.execute("insert-version", campaignId, v.version(), v.contentHash(), sql.toJson(v.parts()),
                v.recipientsHash(), now);
        sql.insertEvent(campaignId, null, now, EventKind.VERSION, null, null, null, null, "version " + v.version());
    }

    private long insertRecipient(long campaignId, NewRecipient r, String now) throws SQLException {
        long id = sql.insert("insert-recipient", campaignId, r.emailKey(), r.email(), r.name(), sql.toJson(r.fields()),
                r.rowHash(), r.line(), r.messageId(), BounceToken.of(r.messageId()).orElse(null), now, now,
                SearchText.of(r.email(), r.name()));
        sql.insertEvent(campaignId, id, now, EventKind.QUEUED, null, State.QUEUED, null, null,
                "line " + r.line() + ", Message-ID " + r.messageId());
        return id;
    }

    @Override
    public void close() {
        sql.close();
    }
}
