package org.lettermerge.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;

/** Maps result-set rows of the named queries to records. */
final class Rows {

    private Rows() {}

    static CampaignRecord campaign(ResultSet rs, Function<String, Map<String, String>> json) throws SQLException {
        String pauseKind = rs.getString("pause_kind");
        return new CampaignRecord(rs.getLong("id"), rs.getString("name"), rs.getString("campaign_file"),
                rs.getInt("version"), Timestamps.parse(rs.getString("created_at")),
                CampaignState.valueOf(rs.getString("state")), Timestamps.parse(rs.getString("scheduled_at")),
                pauseKind == null ? null : PauseKind.valueOf(pauseKind), rs.getString("pause_reason"),
                Timestamps.parse(rs.getString("resume_at")), rs.getInt("consecutive_failures"),
                rs.getString("account"), json.apply(rs.getString("overrides")));
    }

    static CampaignVersion version(ResultSet rs, Function<String, Map<String, String>> json) throws SQLException {
        return new CampaignVersion(rs.getInt("version"), rs.getString("content_hash"), json.apply(rs.getString("parts")),
                rs.getString("recipients_hash"), Timestamps.parse(rs.getString("created_at")));
    }

    static StoredRecipient recipient(ResultSet rs, Function<String, Map<String, String>> json) throws SQLException {
        return new StoredRecipient(
                rs.getLong("id"),
                rs.getString("email_key"),
                rs.getString("email"),
                rs.getString("name"),
                new JsonFields(rs.getString("fields"), json),
                rs.getString("row_hash"),
                rs.getInt("line"),
                rs.getString("skipped_at") != null ? State.SKIPPED : State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getString("message_id"),
                nullableInt(rs, "smtp_code"),
                rs.getString("smtp_reply"),
                Timestamps.parse(rs.getString("queued_at")),
                Timestamps.parse(rs.getString("last_attempt_at")),
                Timestamps.parse(rs.getString("updated_at")),
                Timestamps.parse(rs.getString("removed_at")),
                Timestamps.parse(rs.getString("next_attempt_at")),
                Timestamps.parse(rs.getString("first_attempt_at")),
                Timestamps.parse(rs.getString("skipped_at")),
                rs.getString("skip_reason"),
                nullableLong(rs, "parent_recipient_id"));
    }

    static Event event(ResultSet rs) throws SQLException {
        long recipient = rs.getLong("recipient_id");
        Long recipientId = rs.wasNull() ? null : recipient;
        String from = rs.getString("from_state");
        String to = rs.getString("to_state");
        return new Event(rs.getLong("id"), recipientId, Timestamps.parse(rs.getString("at")),
                EventKind.valueOf(rs.getString("kind")), from == null ? null : State.valueOf(from),
                to == null ? null : State.valueOf(to), nullableInt(rs, "smtp_code"), rs.getString("smtp_reply"),
                rs.getString("detail"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
