package org.lettermerge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.lettermerge.problems.Problem;

/**
 * What every part of the log shares: the named queries on the one connection, the clock, the history writer,
 * and the rule that any SQL failure becomes a {@link DeliveryLogException}.
 */
final class Statements {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    final Database db;
    private final GroupCommit transactions;
    private final NamedQueries sql = NamedQueries.load("queries.sql");
    private final Clock clock;

    Statements(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.transactions = new GroupCommit(db.connection());
    }

    Instant instant() {
        return clock.instant();
    }

    String now() {
        return Timestamps.format(clock.instant());
    }

    /** Runs a named insert, update or delete; returns the number of rows it changed. */
    int execute(String query, Object... params) throws SQLException {
        return bind(query, params).executeUpdate();
    }

    /** Runs a named insert and returns the new row's id. */
    long insert(String query, Object... params) throws SQLException {
        execute(query, params);
        try (ResultSet rs = query("last-insert-rowid")) {
            return rs.getLong(1);
        }
    }

    /** Runs a named query; close the result set (the statement stays cached). */
    ResultSet query(String query, Object... params) throws SQLException {
        return bind(query, params).executeQuery();
    }

    /** The named query's statement, compiled once (see {@link GroupCommit#compiled}), with {@code params} bound. */
    private PreparedStatement bind(String query, Object... params) throws SQLException {
        PreparedStatement st = transactions.compiled(sql.get(query));
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                st.setNull(i + 1, Types.NULL);
            } else if (p instanceof Instant instant) {
                st.setString(i + 1, Timestamps.format(instant));
            } else if (p instanceof Enum<?> e) {
                st.setString(i + 1, e.name());
            } else {
                st.setObject(i + 1, p);
            }
        }
        return st;
    }

    void insertEvent(long campaignId, Long recipientId, String at, EventKind kind, State from, State to, Integer code,
                     String reply, String detail) throws SQLException {
        execute("insert-event", campaignId, recipientId, at, kind, from, to, code, reply, detail);
    }

    String toJson(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> fromJson(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new DeliveryLogException("the delivery log holds unreadable data: " + e.getOriginalMessage(), e);
        }
    }

    <T> T read(String what, Database.Work<T> work) {
        try {
            return transactions.read(work);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * One write, committed before this returns; when the send loop's connections write at the same time, their
     * writes share a commit (see {@link GroupCommit}).
     */
    <T> T write(String what, Database.Work<T> work) {
        return write(what, GroupCommit.Sync.NOW, work);
    }

    /** A write that may reach the disk with the next durable commit; see {@link GroupCommit.Sync#WITH_NEXT}. */
    <T> T write(String what, GroupCommit.Sync sync, Database.Work<T> work) {
        try {
            return transactions.write(work, sync);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** A write nobody waits for, committed within moments; see {@link GroupCommit#hand}. */
    void hand(Database.Work<?> work) {
        transactions.hand(work);
    }

    /** See {@link GroupCommit#throwIfHandedWorkFailed}: for work that must not follow a lost write. */
    void throwIfHandedWorkFailed() throws SQLException {
        transactions.throwIfHandedWorkFailed();
    }

    /** Commits what was handed over, then closes the log's connection. */
    void close() {
        try {
            transactions.close();
        } catch (SQLException e) {
            throw failure("record the last outcomes", e);
        } finally {
            db.close();
        }
    }

    /** See {@link GroupCommit#checkpoint}. */
    void sync(String what) {
        try {
            transactions.checkpoint();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private DeliveryLogException failure(String what, SQLException e) {
        return new DeliveryLogException("cannot " + what + " in the delivery log at " + Problem.display(db.path())
                + ": " + e.getMessage(), e);
    }
}
