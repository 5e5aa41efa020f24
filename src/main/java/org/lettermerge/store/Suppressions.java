package org.lettermerge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lettermerge.recipients.Addresses;

/**
 * The suppression list: addresses that opted out (or bounced), shared by every campaign in this log. Adding an
 * address marks its not-yet-sent rows SKIPPED in every campaign, in the same transaction; removing it lets them go
 * on. Every addition and removal is kept in an append-only history with who and when. Addresses are given as
 * {@code recipients.Addresses.parseStrict} returns them; they are matched lowercased, like recipient rows.
 */
public final class Suppressions {

    /** Where an entry came from. */
    public enum Source {
        MANUAL, IMPORT, BOUNCE;

        String stored() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Source of(String stored) {
            return valueOf(stored.toUpperCase(Locale.ROOT));
        }
    }

    public record Entry(String email, String reason, Source source, Instant addedAt, String addedBy) {
        public String key() {
            return Addresses.key(email);
        }
    }

    public enum Action { ADDED, REMOVED }

    /** One line of the list's history; {@code reason} is why it was added, or why it was removed. */
    public record Change(long id, Instant at, Action action, String email, String reason, Source source, String actor) {}

    /** What a change did: how many list entries it added or removed, how many recipient rows (any campaign) it touched. */
    public record Outcome(int entries, int rows) {
        public boolean changed() {
            return entries > 0;
        }
    }

    private final Statements sql;

    Suppressions(Statements sql) {
        this.sql = sql;
    }

    /** Adds an address; an address already on the list keeps its first entry (changed = false). */
    public Outcome add(String address, String reason, Source source, String actor) {
        return sql.write("suppress " + address, () -> insert(address, reason, source, actor));
    }

    /**
     * Adds every address in one transaction: all of them or, when anything fails, none. Addresses already on
     * the list (or repeated) are left as they are.
     *
     * @return how many were added, and how many recipient rows that skipped
     */
    public Outcome importAll(List<String> addresses, String reason, String actor) {
        return sql.write("import " + addresses.size() + " suppressed addresses", () -> {
            int added = 0;
            int rows = 0;
            for (String address : addresses) {
                Outcome one = insert(address, reason, Source.IMPORT, actor);
                added += one.entries();
                rows += one.rows();
            }
            return new Outcome(added, rows);
        });
    }

    /** Takes an address off the list; its skipped rows go on from the state they were skipped in. */
    public Outcome remove(String address, String why, String actor) {
        String key = Addresses.key(address);
        return sql.write("remove " + address + " from the suppression list", () -> {
            Optional<Entry> entry = find(key);
            if (entry.isEmpty()) {
                return new Outcome(0, 0);
            }
            String now = sql.now();
            sql.execute("suppression-delete", key);
            sql.execute("suppression-event-insert", now, Action.REMOVED, key, entry.get().email(), why,
                    Source.MANUAL.stored(), actor);
            List<Touched> lifted = touched("unskip-address", now, key);
            for (Touched row : lifted) {
                sql.insertEvent(row.campaignId(), row.id(), now, EventKind.SKIP_LIFTED, State.SKIPPED, row.state(),
                        null, null, "taken off the suppression list: " + why);
            }
            return new Outcome(1, lifted.size());
        });
    }

    public List<Entry> list() {
        return sql.read("read the suppression list", () -> {
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = sql.query("suppression-list")) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        });
    }

    /** The list by lowercased address, for plans that look up many recipients. */
    public Map<String, Entry> byKey() {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        list().forEach(e -> byKey.put(e.key(), e));
        return byKey;
    }

    public boolean isSuppressed(String address) {
        return sql.read("read the suppression list", () -> find(Addresses.key(address)).isPresent());
    }

    /** Every addition and removal, oldest first. */
    public List<Change> history() {
        return sql.read("read the suppression history", () -> {
            List<Change> changes = new ArrayList<>();
            try (ResultSet rs = sql.query("suppression-history")) {
                while (rs.next()) {
                    changes.add(new Change(rs.getLong("id"), Timestamps.parse(rs.getString("at")),
                            Action.valueOf(rs.getString("action")), rs.getString("email"), rs.getString("reason"),
                            Source.of(rs.getString("source")), rs.getString("actor")));
                }
            }
            return changes;
        });
    }

    /**
     * Marks SKIPPED the sendable rows whose address is on the list, with a history line each; runs inside the
     * caller's transaction. {@code query} is skip-address, skip-campaign or skip-row, with its one key.
     */
    int skip(String query, Object key, String now) throws SQLException {
        List<Touched> skipped = touched(query, now, now, key);
        for (Touched row : skipped) {
            sql.insertEvent(row.campaignId(), row.id(), now, EventKind.SKIPPED, row.state(), State.SKIPPED, null, null,
                    "on the suppression list: " + row.reason() + "; never sent while it stays there");
        }
        return skipped.size();
    }

    /** A recipient row an UPDATE ... RETURNING changed, with the delivery state under the skip. */
    private record Touched(long campaignId, long id, State state, String reason) {}

    private List<Touched> touched(String query, Object... params) throws SQLException {
        List<Touched> rows = new ArrayList<>();
        try (ResultSet rs = sql.query(query, params)) {
            boolean hasReason = rs.getMetaData().getColumnCount() > 3;
            while (rs.next()) {
                rows.add(new Touched(rs.getLong("campaign_id"), rs.getLong("id"), State.valueOf(rs.getString("state")),
                        hasReason ? rs.getString("skip_reason") : null));
            }
        }
        return rows;
    }

    private Outcome insert(String address, String reason, Source source, String actor) throws SQLException {
        String key = Addresses.key(address);
        if (find(key).isPresent()) {
            return new Outcome(0, 0);
        }
        String now = sql.now();
        sql.execute("suppression-insert", key, address, reason, source.stored(), now, actor);
        sql.execute("suppression-event-insert", now, Action.ADDED, key, address, reason, source.stored(), actor);
        return new Outcome(1, skip("skip-address", key, now));
    }

    private Optional<Entry> find(String key) throws SQLException {
        try (ResultSet rs = sql.query("suppression-find", key)) {
            return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getString("email"), rs.getString("reason"), Source.of(rs.getString("source")),
                Timestamps.parse(rs.getString("added_at")), rs.getString("added_by"));
    }
}
