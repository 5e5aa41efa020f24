package org.lettermerge.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follow-up campaigns: which campaign reminds whom of which parent. The rule for who still gets a reminder lives
 * in SQL (view followup_standing, 006-followups.sql) and is checked again by every claim.
 */
public final class Followups {

    /** Whom a follow-up is for; {@code stored()} is the value in followup.who and on the command line. */
    public enum Who {
        NO_REPLY, FAILED, UNKNOWN, BOUNCED, DEFERRED;

        public String stored() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Who of(String stored) {
            for (Who w : values()) {
                if (w.stored().equals(stored)) {
                    return w;
                }
            }
            throw new IllegalArgumentException("not a follow-up audience: " + stored);
        }
    }

    /** @param subject the subject template given with --subject, or null for "Re: {{original_subject}}" */
    public record Followup(long campaignId, long parentId, int number, Who who, Path template, String subject,
                           Instant createdAt) {}

    /**
     * A follow-up as far as creating another one is concerned.
     *
     * @param scheduledAt its start (null: at once)
     * @param toGo        rows still to be sent (queued, deferred, being sent), skipped and removed ones aside
     */
    public record Progress(int number, String name, Instant createdAt, CampaignState state, Instant scheduledAt,
                           int recipients, int toGo) {}

    /** A reminder row and the follow-up campaign it belongs to. */
    public record Reminder(String campaign, StoredRecipient row) {}

    private final Statements sql;

    Followups(Statements sql) {
        this.sql = sql;
    }

    public Optional<Followup> of(CampaignRecord campaign) {
        return sql.read("read the follow-up", () -> {
            try (ResultSet rs = sql.query("followup-of", campaign.id())) {
                return rs.next() ? Optional.of(followup(rs)) : Optional.empty();
            }
        });
    }

    public List<Followup> ofParent(CampaignRecord parent) {
        return sql.read("read the follow-ups", () -> {
            List<Followup> all = new ArrayList<>();
            try (ResultSet rs = sql.query("followups-of-parent", parent.id())) {
                while (rs.next()) {
                    all.add(followup(rs));
                }
            }
            return all;
        });
    }

    /** The parent's follow-ups, oldest first, with how far each has gone. */
    public List<Progress> progress(CampaignRecord parent) {
        return sql.read("read the follow-ups", () -> {
            List<Progress> all = new ArrayList<>();
            try (ResultSet rs = sql.query("followups-with-progress", parent.id())) {
                while (rs.next()) {
                    all.add(new Progress(rs.getInt("number"), rs.getString("name"),
                            Timestamps.parse(rs.getString("created_at")), CampaignState.valueOf(rs.getString("state")),
                            Timestamps.parse(rs.getString("scheduled_at")), rs.getInt("recipients"),
                            rs.getInt("to_go")));
                }
            }
            return all;
        });
    }

    public int nextNumber(CampaignRecord parent) {
        return sql.read("number the follow-up", () -> {
            try (ResultSet rs = sql.query("followup-next-number", parent.id())) {
                return rs.getInt(1);
            }
        });
    }

    /** The parent's rows a reminder to {@code who} would go to now. */
    public List<StoredRecipient> candidates(CampaignRecord parent, Who who) {
        return sql.read("choose reminder recipients", () -> {
            List<StoredRecipient> rows = new ArrayList<>();
            try (ResultSet rs = sql.query("followup-candidates", who.stored(), parent.id())) {
                while (rs.next()) {
                    rows.add(Rows.recipient(rs, sql::fromJson));
                }
            }
            return rows;
        });
    }

    /** The Message-ID of the letter this row's reminder answers, or null when the row is not a reminder. */
    public String threadOf(long recipientId) {
        return sql.read("read the thread", () -> {
            try (ResultSet rs = sql.query("thread-of", recipientId)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    /** The ids of the parent's rows that were sent a reminder (accepted by the server), by any of its follow-ups. */
    public java.util.Set<Long> remindedRows(CampaignRecord parent) {
        return sql.read("read who got a reminder", () -> {
            java.util.Set<Long> ids = new java.util.HashSet<>();
            try (ResultSet rs = sql.query("reminded-rows", parent.id())) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /** The reminders sent (or queued, or skipped) about one parent row, oldest first. */
    public List<Reminder> remindersOf(long parentRowId) {
        return sql.read("read reminders", () -> {
            List<Reminder> rows = new ArrayList<>();
            try (ResultSet rs = sql.query("reminders-of-row", parentRowId)) {
                while (rs.next()) {
                    rows.add(new Reminder(rs.getString("campaign"), Rows.recipient(rs, sql::fromJson)));
                }
            }
            return rows;
        });
    }

    /**
     * Inside a claim's transaction: skips the row for good if it is a reminder its parent no longer qualifies for,
     * or whose person got another reminder about the same letter less than this follow-up's spacing ago.
     */
    void skipIfNoLongerDue(long recipientId, String now) throws SQLException {
        skip(now, "reminder no longer due: ", "skip-followup-row", now, now, recipientId);
        skip(now, "reminder held back: ", "skip-reminder-too-soon", now, now, now, recipientId, now);
    }

    private void skip(String now, String detail, String query, Object... params) throws SQLException {
        try (ResultSet rs = sql.query(query, params)) {
            while (rs.next()) {
                sql.insertEvent(rs.getLong("campaign_id"), rs.getLong("id"), now, EventKind.SKIPPED,
                        State.valueOf(rs.getString("state")), State.SKIPPED, null, null,
                        detail + rs.getString("skip_reason"));
            }
        }
    }

    void insert(long campaignId, long parentId, int number, Who who, Path template, String subject,
                java.time.Duration spacing, String now) throws SQLException {
        sql.execute("followup-insert", campaignId, parentId, number, who.stored(), template.toString(), subject, now,
                spacing.toMillis());
    }

    void linkToParent(long recipientId, long parentRowId) throws SQLException {
        sql.execute("set-parent-row", parentRowId, recipientId);
    }

    private static Followup followup(ResultSet rs) throws SQLException {
        return new Followup(rs.getLong("campaign_id"), rs.getLong("parent_id"), rs.getInt("number"),
                Who.of(rs.getString("who")), Path.of(rs.getString("template")), rs.getString("subject"),
                Timestamps.parse(rs.getString("created_at")));
    }
}
