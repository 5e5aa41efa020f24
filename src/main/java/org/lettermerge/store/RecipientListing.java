package org.lettermerge.store;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A campaign's rows for the views that show them all (status, its CSV and JSON, the report), handed over one at a
 * time in queue order, never held: at 100,000 recipients a list of them was most of a gigabyte. Every way of
 * choosing rows is an index search without a sort (011-views.sql), so the first row is read as soon as the query
 * starts. The action runs inside the read: it should write its row out, not call back into the log for long.
 */
public final class RecipientListing {

    private final Statements sql;

    RecipientListing(Statements sql) {
        this.sql = sql;
    }

    /** Every row of the campaign, removed ones included, in id (queue) order. */
    public void each(CampaignRecord campaign, Consumer<StoredRecipient> action) {
        rows(action, "recipients", campaign.id());
    }

    /** The rows status shows in {@code shown}: SKIPPED means skipped whatever the delivery state underneath. */
    public void inState(CampaignRecord campaign, State shown, Consumer<StoredRecipient> action) {
        rows(action, "recipients-shown", campaign.id(), shown);
    }

    /** The campaign's rows among {@code ids} (found by their primary key), in id order. */
    public void byIds(CampaignRecord campaign, Collection<Long> ids, Consumer<StoredRecipient> action) {
        for (long id : ids.stream().sorted().toList()) {
            rows(action, "recipient-by-id", id, campaign.id());
        }
    }

    /** The orders the dashboard's table offers; each page starts after the last row's key and id. */
    public enum Order {
        QUEUE, NAME, ADDRESS, STATE;

        /** The row's key in this order, as the next page's cursor carries it. */
        public String key(StoredRecipient r) {
            return switch (this) {
                case QUEUE -> "";
                case NAME -> r.name() == null ? "" : r.name();
                case ADDRESS -> r.emailKey();
                case STATE -> r.state().name(); // already as status shows it: SKIPPED when skipped (Rows)
            };
        }
    }

    /**
     * Up to {@code limit} rows after the row {@code afterId} (0: from the first), in id order, whose address or name
     * contains {@code search} (folded by {@link SearchText#fold}) and that are in {@code shown} (null: any): a page
     * of a table that opens as fast at row 99,000 as at row 1.
     */
    public java.util.List<StoredRecipient> page(CampaignRecord campaign, long afterId, String search, State shown,
                                                int limit) {
        return page(campaign, Order.QUEUE, "", afterId, search, shown, limit);
    }

    /**
     * As {@link #page(CampaignRecord, long, String, State, int)} in {@code order}, after the row whose key in that
     * order is {@code afterKey} and whose id is {@code afterId} ("" and 0: from the first). Queue order, address and
     * state are read through an index; names are sorted per page.
     */
    public java.util.List<StoredRecipient> page(CampaignRecord campaign, Order order, String afterKey, long afterId,
                                                String search, State shown, int limit) {
        java.util.List<StoredRecipient> rows = new java.util.ArrayList<>();
        String state = shown == null ? null : shown.name();
        if (order == Order.QUEUE) {
            rows(rows::add, "recipients-page", campaign.id(), afterId, search, search, state, state, limit);
        } else {
            rows(rows::add, "recipients-page-by-" + order.name().toLowerCase(java.util.Locale.ROOT), campaign.id(),
                    afterKey, afterId, search, search, state, state, limit);
        }
        return rows;
    }

    /** Everything that happened to one recipient's letter, in order. */
    public java.util.List<Event> history(StoredRecipient recipient) {
        return sql.read("read a recipient's history", () -> {
            java.util.List<Event> events = new java.util.ArrayList<>();
            try (ResultSet rs = sql.query("recipient-history", recipient.id())) {
                while (rs.next()) {
                    events.add(Rows.event(rs));
                }
            }
            return events;
        });
    }

    /** Every row with the time its letter was last accepted (null if never), from the history, in id order. */
    public void eachWithAcceptedAt(CampaignRecord campaign, BiConsumer<StoredRecipient, Instant> action) {
        sql.read("read recipients", () -> {
            try (ResultSet rs = sql.query("recipients-accepted-at", campaign.id())) {
                while (rs.next()) {
                    action.accept(Rows.recipient(rs, sql::fromJson), Timestamps.parse(rs.getString("accepted_at")));
                }
            }
            return null;
        });
    }

    /** How many letters the server accepted in each minute, by the minute's start, from the history. */
    public NavigableMap<Instant, Integer> acceptedPerMinute(CampaignRecord campaign) {
        return sql.read("count accepted letters", () -> {
            NavigableMap<Instant, Integer> minutes = new TreeMap<>();
            try (ResultSet rs = sql.query("accepted-per-minute", campaign.id())) {
                while (rs.next()) {
                    minutes.put(Timestamps.parse(rs.getString("minute")), rs.getInt("letters"));
                }
            }
            return minutes;
        });
    }

    private void rows(Consumer<StoredRecipient> action, String query, Object... params) {
        sql.read("read recipients", () -> {
            try (ResultSet rs = sql.query(query, params)) {
                while (rs.next()) {
                    action.accept(Rows.recipient(rs, sql::fromJson));
                }
            }
            return null;
        });
    }
}
