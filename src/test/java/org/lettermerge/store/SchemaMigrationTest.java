package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aVersionOneLogIsMigratedForwardKeepingEveryRowAndEvent() throws Exception {
        Path file = dir.resolve("v1.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String statement : Database.splitStatements(resource("001-initial.sql"))) {
                st.execute(statement);
            }
            st.execute("PRAGMA user_version = 1");
            st.execute("INSERT INTO campaign (name, campaign_file, version, created_at) "
                    + "VALUES ('letter', '/c.yaml', 1, '2026-11-01T09:00:00.000Z')");
            st.execute("INSERT INTO recipient (campaign_id, email_key, email, name, fields, row_hash, line, state, "
                    + "attempts, message_id, smtp_code, smtp_reply, queued_at, last_attempt_at, updated_at) VALUES "
                    + "(1, 'a@example.org', 'a@example.org', 'A', '{}', 'h', 2, 'ACCEPTED', 1, '<m1@example.org>', 250, "
                    + "'250 ok', '2026-11-01T09:00:00.000Z', '2026-11-01T09:01:00.000Z', '2026-11-01T09:01:00.000Z')");
            st.execute("INSERT INTO event (campaign_id, recipient_id, at, kind, to_state) "
                    + "VALUES (1, 1, '2026-11-01T09:01:00.000Z', 'OUTCOME', 'ACCEPTED')");
        }

        try (DeliveryLog log = DeliveryLog.openExisting(file, CLOCK)) {
            CampaignRecord campaign = log.findCampaign("letter").orElseThrow();
            assertThat(campaign.state()).isEqualTo(CampaignState.ACTIVE);
            assertThat(campaign.scheduledAt()).isNull();
            StoredRecipient row = log.recipients(campaign).get(0);
            assertThat(row.state()).isEqualTo(State.ACCEPTED);
            assertThat(row.messageId()).isEqualTo("<m1@example.org>");
            assertThat(row.smtpReply()).isEqualTo("250 ok");
            assertThat(row.nextAttemptAt()).isNull();
            assertThat(log.history(campaign)).extracting(Event::kind).containsExactly(EventKind.OUTCOME);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(Database.MIGRATIONS.size());
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
