package org.lettermerge.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.cli.ExitCode;
import org.lettermerge.cli.Main;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.InboundKind;
import org.lettermerge.store.InboundMessage;
import org.lettermerge.store.RecipientRef;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.ReceivedMessage;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * `lettermerge followup` through the real CLI against a scripted SMTP server: the reminder is threaded under the
 * original letter, made from the recipient's data and the original's date, and goes only to those who still
 * qualify when it is sent (replies are recorded in the log exactly as `lettermerge inbox` records them).
 */
class RemindersIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant DAY_ONE = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir Path dir;

    @Test
    void aReminderGoesThreadedAndPersonalOnlyToThoseWhoHaveNotRepliedWhenItIsSent() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));
            Map<String, StoredRecipient> letters = rows("fault-drill");
            reply("fault-drill", "ada@example.org", DAY_ONE.plus(Duration.ofDays(1)));

            CliRun created = cli(DAY_ONE.plus(Duration.ofDays(2)), "followup", campaign(),
                    "--template", reminder().toString(), "--who", "no-reply");

            assertOk(created);
            assertThat(created.out()).contains("fault-drill-followup-1");
            assertThat(rows("fault-drill-followup-1").keySet())
                    .containsExactly("bea@example.org", "cy@example.org", "dov@example.org");
            // Bea answers after the follow-up was created, before it is sent: she must get nothing.
            reply("fault-drill", "bea@example.org", DAY_ONE.plus(Duration.ofDays(2)).plusSeconds(600));

            assertOk(cli(DAY_ONE.plus(Duration.ofDays(2)).plusSeconds(1200), "run", "--db", database().toString(),
                    "--once"));

            Map<String, StoredRecipient> reminders = rows("fault-drill-followup-1");
            assertThat(reminders.get("bea@example.org").state()).isEqualTo(State.SKIPPED);
            assertThat(reminders.get("bea@example.org").skipReason()).startsWith("replied on 2026-12-09T09:10");
            assertThat(server.messagesTo("bea@example.org")).hasSize(1);
            assertThat(server.messagesTo("ada@example.org")).hasSize(1);
            assertThat(reminders.get("cy@example.org").state()).isEqualTo(State.ACCEPTED);
            List<ReceivedMessage> toCy = server.messagesTo("cy@example.org");
            assertThat(toCy).hasSize(2);
            MimeMessage reminder = toCy.get(1).toMimeMessage();
            String parentId = letters.get("cy@example.org").messageId();
            assertThat(reminder.getHeader("In-Reply-To", null)).isEqualTo(parentId);
            assertThat(reminder.getHeader("References", null)).isEqualTo(parentId);
            assertThat(reminder.getMessageID()).isEqualTo(reminders.get("cy@example.org").messageId())
                    .isNotEqualTo(parentId);
            assertThat(reminder.getSubject()).isEqualTo("Re: A letter for Cy");
            String sentOn = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
                    .format(letters.get("cy@example.org").lastAttemptAt().atZone(PARIS));
            assertThat(sentOn).isEqualTo("7 December 2026");
            assertThat(((String) reminder.getContent()).replace("\r\n", "\n"))
                    .contains("Dear Cy of Lyon,\n\nWe wrote to you on 7 December 2026 (\"A letter for Cy\").");
        }
    }

    @Test
    void statusShowsTheFollowupUnderItsParentAndEachRecipientsLetterReminderAndReply() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));
            assertOk(cli(DAY_ONE.plus(Duration.ofDays(1)), "followup", campaign(),
                    "--template", reminder().toString(), "--who", "no-reply"));
            reply("fault-drill", "bea@example.org", DAY_ONE.plus(Duration.ofDays(1)).plusSeconds(300));
            assertOk(cli(DAY_ONE.plus(Duration.ofDays(1)).plusSeconds(600), "run", "--db", database().toString(),
                    "--once"));
            reply("fault-drill-followup-1", "cy@example.org", DAY_ONE.plus(Duration.ofDays(1)).plusSeconds(900));

            CliRun table = cli(DAY_ONE.plus(Duration.ofDays(2)), "status", campaign());
            CliRun followup = cli(DAY_ONE.plus(Duration.ofDays(2)), "status", campaign(), "--followup", "1");
            CliRun json = cli(DAY_ONE.plus(Duration.ofDays(2)), "status", campaign(), "--format", "json");

            assertThat(table.out()).as(table.toString()).contains("Follow-ups:")
                    .containsPattern("fault-drill-followup-1 \\(no-reply\\): FINISHED.*3 accepted, 1 skipped");
            assertThat(followup.out()).as(followup.toString()).contains("Campaign fault-drill-followup-1")
                    .containsPattern("bea@example.org +Bea +SKIPPED");
            JsonNode doc = new ObjectMapper().readTree(json.out());
            assertThat(doc.at("/followups/0/campaign").asText()).isEqualTo("fault-drill-followup-1");
            JsonNode bea = recipient(doc, "bea@example.org");
            assertThat(bea.get("state").asText()).isEqualTo("ACCEPTED");
            assertThat(bea.get("replied").asBoolean()).isTrue();
            assertThat(bea.at("/reminders/0/state").asText()).isEqualTo("SKIPPED");
            assertThat(bea.at("/reminders/0/skip_reason").asText()).startsWith("replied on");
            JsonNode cy = recipient(doc, "cy@example.org");
            assertThat(cy.at("/reminders/0/state").asText()).isEqualTo("ACCEPTED");
            // Cy answered the reminder: that is Cy's reply to the letter, as the next reminder's claim counts it.
            assertThat(cy.get("replied").asBoolean()).isTrue();
            assertThat(cy.at("/reminders/0/replied").asBoolean()).isTrue();
            assertThat(bea.at("/reminders/0/replied").asBoolean()).isFalse();
            assertThat(cy.at("/reminders/0/message_id").asText())
                    .isEqualTo(rows("fault-drill-followup-1").get("cy@example.org").messageId());
        }
    }

    @Test
    void aReplyToAReminderIsAReplyInStatusItsFiltersItsCsvAndTheReport() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));
            assertOk(cli(DAY_ONE.plus(Duration.ofDays(1)), "followup", campaign(),
                    "--template", reminder().toString(), "--who", "no-reply"));
            assertOk(cli(DAY_ONE.plus(Duration.ofDays(1)).plusSeconds(60), "run", "--db", database().toString(),
                    "--once"));
            reply("fault-drill", "ada@example.org", DAY_ONE.plus(Duration.ofDays(1)).plusSeconds(30));
            reply("fault-drill-followup-1", "cy@example.org", DAY_ONE.plus(Duration.ofDays(2)));
            Instant later = DAY_ONE.plus(Duration.ofDays(3));

            CliRun replied = cli(later, "status", campaign(), "--format", "csv", "--replied");
            CliRun silent = cli(later, "status", campaign(), "--format", "csv", "--no-reply");
            Path html = dir.resolve("report.html");
            assertOk(cli(later, "report", campaign(), "--out", html.toString()));

            assertThat(emailsIn(replied)).containsExactly("ada@example.org", "cy@example.org");
            assertThat(emailsIn(silent)).containsExactly("bea@example.org", "dov@example.org");
            assertThat(replied.out()).containsPattern("cy@example.org,.*,yes,2026-12-09T09:00");
            assertThat(Files.readString(html)).contains("data-total=\"replied\">2<")
                    .containsPattern("cy@example.org</td>.*?<td class=\"replied\">yes, 2026-12-09");
        }
    }

    private static List<String> emailsIn(CliRun csv) {
        assertOk(csv);
        return csv.out().lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
    }

    private static JsonNode recipient(JsonNode doc, String email) {
        for (JsonNode r : doc.get("recipients")) {
            if (r.get("email").asText().equals(email)) {
                return r;
            }
        }
        throw new AssertionError("no " + email + " in " + doc);
    }

    @Test
    void aReplyToTheFirstReminderCountsAsAReplyForTheSecond() {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));
            assertOk(cli(DAY_ONE.plus(Duration.ofDays(1)), "followup", campaign(),
                    "--template", reminder().toString(), "--who", "no-reply"));
            assertOk(cli(DAY_ONE.plus(Duration.ofDays(1)).plusSeconds(60), "run", "--db", database().toString(),
                    "--once"));
            reply("fault-drill-followup-1", "cy@example.org", DAY_ONE.plus(Duration.ofDays(2)));

            assertOk(cli(DAY_ONE.plus(Duration.ofDays(3)), "followup", campaign(),
                    "--template", reminder().toString(), "--who", "no-reply"));

            assertThat(rows("fault-drill-followup-2").keySet())
                    .containsExactly("ada@example.org", "bea@example.org", "dov@example.org");
        }
    }

    @Test
    void aFollowupForBouncedLettersChoosesThoseWithARecordedBounce() {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));
            record("fault-drill", "dov@example.org", InboundKind.BOUNCED, DAY_ONE.plusSeconds(600));

            assertOk(cli(DAY_ONE.plus(Duration.ofDays(1)), "followup", campaign(),
                    "--template", reminder().toString(), "--who", "bounced"));

            assertThat(rows("fault-drill-followup-1").keySet()).containsExactly("dov@example.org");
        }
    }

    @Test
    void aReminderTemplateUsingAnUnknownVariableIsRefusedAndNothingIsQueued() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));
            Files.writeString(reminder(), "Dear {{name}}, about {{original_topic}}.\n");

            CliRun refused = cli(DAY_ONE.plus(Duration.ofDays(1)), "followup", campaign(),
                    "--template", reminder().toString(), "--who", "no-reply");
            CliRun badWho = cli(DAY_ONE.plus(Duration.ofDays(1)), "followup", campaign(),
                    "--template", reminder().toString(), "--who", "everyone");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(refused.err()).contains("original_topic");
            assertThat(badWho.exitCode()).as(badWho.toString()).isEqualTo(ExitCode.USAGE);
            try (DeliveryLog log = DeliveryLog.openExisting(database(), Clock.systemUTC())) {
                assertThat(log.findCampaign("fault-drill-followup-1")).isEmpty();
            }
        }
    }

    @Test
    void aCancelledFollowupSendsNothingWhileItsParentIsUntouched() {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));
            assertOk(cli(DAY_ONE, "followup", campaign(), "--template", reminder().toString(), "--who", "no-reply"));

            CliRun cancelled = cli(DAY_ONE.plusSeconds(60), "cancel", campaign(), "--followup", "1");
            assertOk(cli(DAY_ONE.plusSeconds(120), "run", "--db", database().toString(), "--once"));

            assertOk(cancelled);
            assertThat(cancelled.out()).contains("Campaign fault-drill-followup-1 cancelled");
            assertThat(server.messages()).hasSize(4);
            try (DeliveryLog log = DeliveryLog.openExisting(database(), Clock.systemUTC())) {
                assertThat(log.findCampaign("fault-drill").orElseThrow().state())
                        .isEqualTo(org.lettermerge.store.CampaignState.ACTIVE);
            }
        }
    }

    @Test
    void aSuppressedAddressGetsNoReminder() {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));
            assertOk(cli(DAY_ONE.plus(Duration.ofDays(1)), "followup", campaign(),
                    "--template", reminder().toString(), "--who", "no-reply"));

            assertOk(cli(DAY_ONE.plus(Duration.ofDays(1)).plusSeconds(300), "suppress", "add", "dov@example.org",
                    "--reason", "asked us to stop", "--db", database().toString()));
            assertOk(cli(DAY_ONE.plus(Duration.ofDays(1)).plusSeconds(600), "run", "--db", database().toString(),
                    "--once"));

            assertThat(rows("fault-drill-followup-1").get("dov@example.org").state()).isEqualTo(State.SKIPPED);
            assertThat(server.messagesTo("dov@example.org")).hasSize(1);
            assertThat(server.messagesTo("ada@example.org")).hasSize(2);
        }
    }

    @Test
    void aFollowupForFailedLettersGoesOnlyToTheFailedOnes() {
        try (var server = ScriptedSmtpServer.start(Script.rejectRcpt("bea@example.org", 550, "5.1.1 User unknown"))) {
            writeCampaign(server.port());
            cli(DAY_ONE, "send", campaign(), "--live");
            assertThat(rows("fault-drill").get("bea@example.org").state()).isEqualTo(State.FAILED);

            assertOk(cli(DAY_ONE.plus(Duration.ofDays(1)), "followup", campaign(),
                    "--template", reminder().toString(), "--who", "failed", "--subject", "Second try for {{name}}"));
            cli(DAY_ONE.plus(Duration.ofDays(1)).plusSeconds(60), "run", "--db", database().toString(), "--once");

            assertThat(rows("fault-drill-followup-1").keySet()).containsExactly("bea@example.org");
            assertThat(server.rcptCommandsFor("bea@example.org")).isEqualTo(2);
            for (String other : List.of("ada@example.org", "cy@example.org", "dov@example.org")) {
                assertThat(server.rcptCommandsFor(other)).as(other).isEqualTo(1);
            }
        }
    }

    @Test
    void aReminderDueAfterSevenDaysIsNotSentBeforeThen() {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));
            assertOk(cli(DAY_ONE, "followup", campaign(), "--template", reminder().toString(),
                    "--who", "no-reply", "--after", "7d"));

            assertOk(cli(DAY_ONE.plus(Duration.ofDays(6)), "run", "--db", database().toString(), "--once"));

            assertThat(server.messages()).hasSize(4);
            assertThat(rows("fault-drill-followup-1").values()).extracting(StoredRecipient::state)
                    .containsOnly(State.QUEUED);

            assertOk(cli(DAY_ONE.plus(Duration.ofDays(7)).plusSeconds(60), "run", "--db", database().toString(),
                    "--once"));

            assertThat(server.messages()).hasSize(8);
            assertThat(rows("fault-drill-followup-1").values()).extracting(StoredRecipient::state)
                    .containsOnly(State.ACCEPTED);
        }
    }

    @Test
    void runningFollowupTwiceIsRefusedNamingTheFirstAndEachSilentRecipientGetsOneReminder() {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));
            Instant dayTwo = DAY_ONE.plus(Duration.ofDays(1));
            assertOk(cli(dayTwo, "followup", campaign(), "--template", reminder().toString(), "--who", "no-reply"));

            CliRun again = cli(dayTwo.plusSeconds(150), "followup", campaign(), "--template", reminder().toString(),
                    "--who", "no-reply");
            assertOk(cli(dayTwo.plusSeconds(180), "run", "--db", database().toString(), "--once"));

            assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(again.err()).contains("follow-up 1, created 2 minutes ago, 4 recipients: to send another, "
                    + "add --another");
            try (DeliveryLog log = DeliveryLog.openExisting(database(), Clock.systemUTC())) {
                assertThat(log.findCampaign("fault-drill-followup-2")).isEmpty();
            }
            for (String email : List.of("ada@example.org", "bea@example.org", "cy@example.org", "dov@example.org")) {
                assertThat(server.messagesTo(email)).as(email).hasSize(2);
            }
        }
    }

    @Test
    void onceTheFirstReminderWentOutFollowupAgainWithTheDefaultsIsRefusedAndWithAnotherHoldsEveryoneBack() {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));
            Instant dayTwo = DAY_ONE.plus(Duration.ofDays(1));
            assertOk(cli(dayTwo, "followup", campaign(), "--template", reminder().toString(), "--who", "no-reply"));
            assertOk(cli(dayTwo.plusSeconds(30), "run", "--db", database().toString(), "--once"));

            CliRun again = cli(dayTwo.plusSeconds(150), "followup", campaign(), "--template", reminder().toString(),
                    "--who", "no-reply");
            CliRun another = cli(dayTwo.plusSeconds(160), "followup", campaign(), "--template",
                    reminder().toString(), "--who", "no-reply", "--another");
            assertOk(cli(dayTwo.plusSeconds(180), "run", "--db", database().toString(), "--once"));

            assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(again.err()).contains("was created less than 1 day ago")
                    .contains("follow-up 1, created 2 minutes ago, 4 recipients: to send another, add --another");
            assertOk(another);
            assertThat(rows("fault-drill-followup-2").get("ada@example.org").skipReason())
                    .startsWith("reminded at 2026-12-08T09:00:30").endsWith("go at least 1d apart");
            assertThat(server.messages()).hasSize(8);
        }
    }

    @Test
    void anotherFollowupInsideTheSpacingIsCreatedButItsClaimsHoldBackThoseRemindedTooRecently() {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));
            Instant dayTwo = DAY_ONE.plus(Duration.ofDays(1));
            assertOk(cli(dayTwo, "followup", campaign(), "--template", reminder().toString(), "--who", "no-reply"));
            CliRun another = cli(dayTwo, "followup", campaign(), "--template", reminder().toString(),
                    "--who", "no-reply", "--after", "10m", "--another");

            assertOk(cli(dayTwo.plusSeconds(60), "run", "--db", database().toString(), "--once"));
            assertOk(cli(dayTwo.plusSeconds(605), "run", "--db", database().toString(), "--once"));

            assertOk(another);
            assertThat(rows("fault-drill-followup-1").values()).extracting(StoredRecipient::state)
                    .containsOnly(State.ACCEPTED);
            Map<String, StoredRecipient> second = rows("fault-drill-followup-2");
            assertThat(second.values()).extracting(StoredRecipient::state).containsOnly(State.SKIPPED);
            assertThat(second.get("cy@example.org").skipReason()).startsWith("reminded at 2026-12-08T09:01")
                    .contains("by fault-drill-followup-1");
            assertThat(server.messages()).hasSize(8);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0s", "now"})
    void aFollowupAfterZeroOrNowStartsAtOnce(String after) {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));

            CliRun created = cli(DAY_ONE.plusSeconds(60), "followup", campaign(), "--template", reminder().toString(),
                    "--who", "no-reply", "--after", after);
            assertOk(cli(DAY_ONE.plusSeconds(90), "run", "--db", database().toString(), "--once"));

            assertOk(created);
            assertThat(rows("fault-drill-followup-1").values()).extracting(StoredRecipient::state)
                    .containsOnly(State.ACCEPTED);
            assertThat(server.messages()).hasSize(8);
        }
    }

    @Test
    void aNoReplyFollowupLeavesOutEveryoneWithARecordedBounceWhateverItsClass() {
        try (var server = ScriptedSmtpServer.start()) {
            writeCampaign(server.port());
            assertOk(cli(DAY_ONE, "send", campaign(), "--live"));
            record("fault-drill", "dov@example.org", InboundKind.BOUNCED, DAY_ONE.plusSeconds(600));

            assertOk(cli(DAY_ONE.plus(Duration.ofDays(1)), "followup", campaign(),
                    "--template", reminder().toString(), "--who", "no-reply"));

            assertThat(rows("fault-drill-followup-1").keySet())
                    .containsExactly("ada@example.org", "bea@example.org", "cy@example.org");
        }
    }

    private void writeCampaign(int port) {
        try {
            Files.writeString(dir.resolve("campaign.yaml"), """
                    name: fault-drill
                    from: Drill Sender <sender@example.org>
                    subject: "A letter for {{name}}"
                    to_name: "{{name}}"
                    template: letter.txt.mustache
                    recipients: recipients.csv
                    smtp:
                      host: 127.0.0.1
                      port: %d
                      security: none
                    schedule:
                      timezone: Europe/Paris
                    database: lettermerge.db
                    """.formatted(port));
            Files.writeString(dir.resolve("letter.txt.mustache"), """
                    Dear {{name}} of {{city}},

                    Please sign our letter.
                    """);
            Files.writeString(dir.resolve("recipients.csv"), """
                    email,name,city
                    ada@example.org,Ada,Paris
                    bea@example.org,Bea,Nantes
                    cy@example.org,Cy,Lyon
                    dov@example.org,Dov,Lille
                    """);
            Files.writeString(reminder(), """
                    Dear {{name}} of {{city}},

                    We wrote to you on {{original_date}} ("{{original_subject}}"). Would you sign?
                    """);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path reminder() {
        return dir.resolve("reminder.txt.mustache");
    }

    private String campaign() {
        return dir.resolve("campaign.yaml").toString();
    }

    private Path database() {
        return dir.resolve("lettermerge.db");
    }

    private Map<String, StoredRecipient> rows(String campaignName) {
        try (DeliveryLog log = DeliveryLog.openExisting(database(), Clock.systemUTC())) {
            CampaignRecord c = log.findCampaign(campaignName).orElseThrow();
            Map<String, StoredRecipient> rows = new LinkedHashMap<>();
            log.recipients(c).forEach(r -> rows.put(r.email(), r));
            return rows;
        }
    }

    /** Records a person's answer to the letter exactly as the inbox command does once it has matched it. */
    private void reply(String campaignName, String email, Instant at) {
        record(campaignName, email, InboundKind.REPLIED, at);
    }

    private void record(String campaignName, String email, InboundKind kind, Instant at) {
        boolean bounce = kind == InboundKind.BOUNCED;
        try (DeliveryLog log = DeliveryLog.openExisting(database(), Clock.systemUTC())) {
            CampaignRecord c = log.findCampaign(campaignName).orElseThrow();
            RecipientRef ref = log.inbox().byAddress(c, email).orElseThrow();
            assertThat(log.inbox().record(new InboundMessage("<" + kind + "-" + campaignName + "-" + email + ">", kind,
                    at, bounce ? "MAILER-DAEMON@example.net" : email, "Re: A letter", "Thank you",
                    bounce ? "failed" : null, bounce ? "5.1.1" : null, "In-Reply-To", ref))).isTrue();
        }
    }

    private static void assertOk(CliRun run) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    }

    /** The CLI in-process with a clock that starts at {@code start} and ticks, so events land on known days. */
    private static CliRun cli(Instant start, String... args) {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(clock, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
