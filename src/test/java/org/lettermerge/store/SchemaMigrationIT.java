package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationIT {

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

    @Test
    void aVersionTwoLogGainsTheSuppressionListKeepingEveryRowEventAndIndex() throws Exception {
        Path file = dir.resolve("v2.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String migration : new String[] {"001-initial.sql", "002-scheduling.sql"}) {
                for (String statement : Database.splitStatements(resource(migration))) {
                    st.execute(statement);
                }
            }
            st.execute("PRAGMA user_version = 2");
            st.execute("INSERT INTO campaign (name, campaign_file, version, created_at, state, pause_kind) "
                    + "VALUES ('letter', '/c.yaml', 1, '2026-11-01T09:00:00.000Z', 'PAUSED', 'MANUAL')");
            st.execute("INSERT INTO recipient (campaign_id, email_key, email, name, fields, row_hash, line, state, "
                    + "attempts, message_id, smtp_code, smtp_reply, queued_at, last_attempt_at, updated_at, "
                    + "next_attempt_at, first_attempt_at) VALUES "
                    + "(1, 'a@example.org', 'a@example.org', 'A', '{}', 'h', 2, 'ACCEPTED', 1, '<m1@example.org>', 250,"
                    + " '250 ok', '2026-11-01T09:00:00.000Z', '2026-11-01T09:01:00.000Z', '2026-11-01T09:01:00.000Z',"
                    + " NULL, '2026-11-01T09:01:00.000Z'),"
                    + "(1, 'b@example.org', 'B@example.org', 'B', '{}', 'h', 3, 'DEFERRED', 1, '<m2@example.org>', 450,"
                    + " '450 busy', '2026-11-01T09:00:00.000Z', '2026-11-01T09:01:00.000Z', '2026-11-01T09:01:00.000Z',"
                    + " '2026-11-01T09:06:00.000Z', '2026-11-01T09:01:00.000Z')");
            st.execute("INSERT INTO event (campaign_id, recipient_id, at, kind, from_state, to_state) VALUES "
                    + "(1, 1, '2026-11-01T09:01:00.000Z', 'OUTCOME', 'SENDING', 'ACCEPTED'),"
                    + "(1, 2, '2026-11-01T09:01:00.000Z', 'OUTCOME', 'SENDING', 'DEFERRED')");
        }

        try (DeliveryLog log = DeliveryLog.openExisting(file, CLOCK)) {
            CampaignRecord campaign = log.findCampaign("letter").orElseThrow();
            assertThat(campaign.state()).isEqualTo(CampaignState.PAUSED);
            assertThat(log.recipients(campaign)).extracting(StoredRecipient::email, StoredRecipient::state,
                    StoredRecipient::messageId, StoredRecipient::nextAttemptAt).containsExactly(
                    tuple("a@example.org", State.ACCEPTED, "<m1@example.org>", null),
                    tuple("B@example.org", State.DEFERRED, "<m2@example.org>", Instant.parse("2026-11-01T09:06:00Z")));
            assertThat(log.history(campaign)).hasSize(2);
            assertThat(log.suppressions().list()).isEmpty();

            // The migrated log works: suppressing B skips its deferred letter, the accepted one stays accepted.
            assertThat(log.suppressions().add("b@example.org", "opted out", Suppressions.Source.MANUAL, "t").rows())
                    .isEqualTo(1);
            assertThat(log.recipients(campaign)).extracting(StoredRecipient::state)
                    .containsExactly(State.ACCEPTED, State.SKIPPED);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                assertThat(rs.getInt(1)).isEqualTo(Database.MIGRATIONS.size());
            }
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' "
                    + "AND name IN ('recipient_state', 'recipient_due', 'recipient_shown_state', 'event_recipient', "
                    + "'account_send_at') ORDER BY name")) {
                StringBuilder names = new StringBuilder();
                while (rs.next()) {
                    names.append(rs.getString(1)).append(' ');
                }
                // recipient_state went in 015: recipient_shown_state holds its entries.
                assertThat(names.toString())
                        .isEqualTo("account_send_at event_recipient recipient_due recipient_shown_state ");
            }
            try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                assertThat(rs.next()).as("no dangling references").isFalse();
            }
        }
    }

    @Test
    void aVersionFourLogGainsTheUnsubscribeFlagKeepingEveryInboundRowUnflagged() throws Exception {
        Path file = dir.resolve("v4.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String migration : new String[] {"001-initial.sql", "002-scheduling.sql", "003-suppression.sql",
                    "004-inbox.sql"}) {
                for (String statement : Database.splitStatements(resource(migration))) {
                    st.execute(statement);
                }
            }
            st.execute("PRAGMA user_version = 4");
            st.execute("INSERT INTO campaign (name, campaign_file, version, created_at) "
                    + "VALUES ('letter', '/c.yaml', 1, '2026-11-01T09:00:00.000Z')");
            st.execute("INSERT INTO recipient (campaign_id, email_key, email, name, fields, row_hash, line, state, "
                    + "attempts, message_id, queued_at, updated_at) VALUES (1, 'a@example.org', 'a@example.org', 'A', "
                    + "'{}', 'h', 2, 'ACCEPTED', 1, '<m1@example.org>', '2026-11-01T09:00:00.000Z', "
                    + "'2026-11-01T09:01:00.000Z')");
            st.execute("INSERT INTO inbound (message_key, campaign_id, recipient_id, kind, received_at, from_address, "
                    + "subject, snippet, matched_by, recorded_at) VALUES "
                    + "('<r1@example.org>', 1, 1, 'REPLIED', '2026-11-02T09:00:00.000Z', 'a@example.org', "
                    + "'Re: letter', 'Please unsubscribe me', 'In-Reply-To', '2026-11-02T09:05:00.000Z'),"
                    + "('<u1@elsewhere.example>', NULL, NULL, 'UNMATCHED', '2026-11-02T10:00:00.000Z', "
                    + "'x@elsewhere.example', 'Hello', 'Hi', NULL, '2026-11-02T10:05:00.000Z')");
        }

        try (DeliveryLog log = DeliveryLog.openExisting(file, CLOCK)) {
            CampaignRecord campaign = log.findCampaign("letter").orElseThrow();
            // Mail recorded before version 5 was never checked: kept as it was, not flagged after the fact.
            assertThat(log.inbox().ofCampaign(campaign)).extracting(InboundMessage::key, InboundMessage::kind,
                    InboundMessage::snippet, InboundMessage::asksUnsubscribe)
                    .containsExactly(tuple("<r1@example.org>", InboundKind.REPLIED, "Please unsubscribe me", false));
            assertThat(log.inbox().unmatched()).extracting(InboundMessage::key, InboundMessage::asksUnsubscribe)
                    .containsExactly(tuple("<u1@elsewhere.example>", false));
            assertThat(log.recipients(campaign)).extracting(StoredRecipient::state).containsExactly(State.ACCEPTED);

            // The migrated log records the new column.
            assertThat(log.inbox().record(new InboundMessage("<r2@example.org>", InboundKind.REPLIED,
                    Instant.parse("2026-11-03T09:00:00Z"), "a@example.org", "STOP SENDING", "", null, null,
                    "In-Reply-To", new RecipientRef(1, 1, "a@example.org"), true))).isTrue();
            assertThat(log.inbox().ofCampaign(campaign)).extracting(InboundMessage::asksUnsubscribe)
                    .containsExactly(false, true);
            assertThat(log.suppressions().list()).isEmpty();
            // Version 6 (follow-ups) adds a table and a column: the campaign is still nobody's follow-up.
            assertThat(log.followups().of(campaign)).isEmpty();
            assertThat(log.followups().ofParent(campaign)).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(Database.MIGRATIONS.size());
        }
    }

    @Test
    void aVersionSixLogKeepsEveryRowAndBackFillsEachOfOurMessageIdsBounceToken() throws Exception {
        Path file = dir.resolve("v6.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String migration : Database.MIGRATIONS.subList(0, 6)) {
                for (String statement : Database.splitStatements(resource(migration))) {
                    st.execute(statement);
                }
            }
            st.execute("PRAGMA user_version = 6");
            st.execute("INSERT INTO campaign (name, campaign_file, version, created_at) "
                    + "VALUES ('letter', '/c.yaml', 1, '2026-11-01T09:00:00.000Z')");
            // Two of our <uuid@domain> Message-IDs and one of another form (no token can be derived from it).
            st.execute("INSERT INTO recipient (campaign_id, email_key, email, name, fields, row_hash, line, state, "
                    + "attempts, message_id, queued_at, updated_at) VALUES "
                    + "(1, 'a@example.org', 'a@example.org', 'A', '{}', 'h', 2, 'ACCEPTED', 1, "
                    + "'<0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0@coalition.example.org>', "
                    + "'2026-11-01T09:00:00.000Z', '2026-11-01T09:01:00.000Z'),"
                    + "(1, 'b@example.org', 'b@example.org', 'B', '{}', 'h', 3, 'QUEUED', 0, "
                    + "'<11111111-2222-3333-4444-555555555555@coalition.example.org>', "
                    + "'2026-11-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z'),"
                    + "(1, 'c@example.org', 'c@example.org', 'C', '{}', 'h', 4, 'FAILED', 1, "
                    + "'<odd.id_with+signs@example.org>', '2026-11-01T09:00:00.000Z', '2026-11-01T09:01:00.000Z')");
        }

        try (DeliveryLog log = DeliveryLog.openExisting(file, CLOCK)) {
            CampaignRecord campaign = log.findCampaign("letter").orElseThrow();
            assertThat(log.recipients(campaign)).extracting(StoredRecipient::email, StoredRecipient::state)
                    .containsExactly(tuple("a@example.org", State.ACCEPTED), tuple("b@example.org", State.QUEUED),
                            tuple("c@example.org", State.FAILED));
            // The SQL back-fill gives the token BounceToken gives the envelope sender of a letter sent now.
            assertThat(log.inbox().byBounceToken(org.lettermerge.message.BounceToken
                    .of("<0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0@coalition.example.org>").orElseThrow()))
                    .hasValueSatisfying(r -> assertThat(r.email()).isEqualTo("a@example.org"));
            assertThat(log.inbox().byBounceToken("11111111222233334444555555555555"))
                    .hasValueSatisfying(r -> assertThat(r.email()).isEqualTo("b@example.org"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT email, bounce_token FROM recipient ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("11111111222233334444555555555555");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isNull();
        }
    }

    @Test
    void aLogWithLowercasedIncomingKeysStillKnowsThoseMessagesWhenReadAsWritten() throws Exception {
        Path file = dir.resolve("v8.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            schemaBefore(st, "010-inbox-state.sql");
            st.execute("INSERT INTO inbound (message_key, kind, received_at, from_address, recorded_at) VALUES "
                    + "('<caf3xyz9q@mail.example.org>', 'UNMATCHED', '2026-11-01T09:00:00.000Z', 'x@example.org', "
                    + "'2026-11-01T09:00:00.000Z')");
        }

        try (DeliveryLog log = DeliveryLog.openExisting(file, CLOCK)) {
            assertThat(log.inbox().kindOf("<CAF3xYz9Q@Mail.Example.org>")).hasValue(InboundKind.UNMATCHED);
            assertThat(log.inbox().record(new InboundMessage("<CAF3xYz9Q@Mail.Example.org>", InboundKind.UNMATCHED,
                    java.time.Instant.parse("2026-11-02T09:00:00Z"), "x@example.org", "s", "t", null, null, null,
                    null))).isFalse();
            assertThat(log.inbox().readingPosition("imap://x@h:143/INBOX")).isEmpty();
        }
    }

    @Test
    void rowsQueuedBeforeTheAddressedNameGetFirstAndLastNameOrStayEmpty() throws Exception {
        Path file = dir.resolve("v12.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            schemaBefore(st, "013-addressed-name.sql");
            st.execute("INSERT INTO campaign (name, campaign_file, version, created_at) "
                    + "VALUES ('letter', '/c.yaml', 1, '2026-11-01T09:00:00.000Z')");
            String row = "INSERT INTO recipient (campaign_id, email_key, email, name, fields, row_hash, line, state, "
                    + "message_id, queued_at, updated_at) VALUES (1, '%s', '%s', %s, '%s', 'h', %d, 'QUEUED', "
                    + "'<m%d@example.org>', '2026-11-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z')";
            st.execute(row.formatted("a@example.org", "a@example.org", "'Dr. Ana Ruiz'",
                    "{\"name\":\"Dr. Ana Ruiz\",\"first_name\":\"Ana\"}", 2, 1));
            st.execute(row.formatted("b@example.org", "b@example.org", "NULL",
                    "{\"first_name\":\" Bo \",\"last_name\":\"Li\"}", 3, 2));
            st.execute(row.formatted("c@example.org", "c@example.org", "NULL", "{\"org\":\"UN\"}", 4, 3));
        }

        try (DeliveryLog log = DeliveryLog.openExisting(file, CLOCK)) {
            CampaignRecord campaign = log.findCampaign("letter").orElseThrow();
            assertThat(log.recipients(campaign)).extracting(StoredRecipient::email, StoredRecipient::name)
                    .containsExactly(tuple("a@example.org", "Dr. Ana Ruiz"), tuple("b@example.org", "Bo Li"),
                            tuple("c@example.org", null));
        }
    }

    @Test
    void rowsQueuedBeforeSearchTextAreFoldedAsNewOnesAreSoAnyCaseFindsThem() throws Exception {
        Path file = dir.resolve("v13.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            schemaBefore(st, "014-search-text.sql");
            st.execute("INSERT INTO campaign (name, campaign_file, version, created_at) "
                    + "VALUES ('letter', '/c.yaml', 1, '2026-11-01T09:00:00.000Z')");
            st.execute("INSERT INTO recipient (campaign_id, email_key, email, name, fields, row_hash, line, state, "
                    + "message_id, queued_at, updated_at) VALUES (1, 'e@example.org', 'E@Example.org', "
                    + "'ÉLISE DUBOIS-LÉGER', '{}', 'h', 2, 'QUEUED', '<m1@example.org>', "
                    + "'2026-11-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z')");
        }

        try (DeliveryLog log = DeliveryLog.openExisting(file, CLOCK)) {
            CampaignRecord campaign = log.findCampaign("letter").orElseThrow();
            for (String typed : List.of("élise", "dubois-léger", "e@example")) {
                assertThat(log.listing().page(campaign, 0, SearchText.fold(typed), null, 10)).as(typed)
                        .extracting(StoredRecipient::email).containsExactly("E@Example.org");
            }
            assertThat(log.listing().page(campaign, 0, SearchText.fold("lise-"), null, 10)).isEmpty();
        }
    }

    /** The schema as it was just before {@code migration}, with the version that says so. */
    private static void schemaBefore(Statement st, String migration) throws IOException, SQLException {
        int before = Database.MIGRATIONS.indexOf(migration);
        for (String earlier : Database.MIGRATIONS.subList(0, before)) {
            for (String statement : Database.splitStatements(resource(earlier))) {
                st.execute(statement);
            }
        }
        st.execute("PRAGMA user_version = " + before);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
