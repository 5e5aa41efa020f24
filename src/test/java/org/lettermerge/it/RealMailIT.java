package org.lettermerge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.testsupport.mailworld.Headers.contentType;
import static org.lettermerge.testsupport.mailworld.Headers.from;
import static org.lettermerge.testsupport.mailworld.Headers.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.ReportHtml;
import org.lettermerge.testsupport.mailworld.MailClient;
import org.lettermerge.testsupport.mailworld.MailClient.Threading;
import org.lettermerge.testsupport.mailworld.MailUser;
import org.lettermerge.testsupport.mailworld.MailWorld;

/**
 * A campaign through real mail software, not GreenMail: a private loopback Postfix (which can deliver nothing off
 * the machine) hands the letters to a private Dovecot over LMTP, where Sieve answers for the one who is away and
 * refuses for another, and Postfix bounces the letter to an unknown user with a real RFC 3464 report. People reply
 * as their mail clients write it — threaded, without threading headers, to the reminder — through the same
 * Postfix; {@code inbox} reads the organizers' mailbox over Dovecot's IMAP. Then {@code status}, its JSON and the
 * HTML report must tell what the servers did. The whole story runs once, in {@link #aCampaignWentThroughRealMail};
 * each test checks one part of it.
 */
class RealMailIT {

    /** Set by failsafe (pom.xml): the campaign names the variable, as a user's would. */
    private static final String PASSWORD = System.getenv("LETTERMERGE_TEST_MAILBOX_PASSWORD");
    private static final String ORGANIZERS = "letters@coalition.test";
    private static final String ANA = "ana@gov.test";
    private static final String BEA = "bea@coalition.test";
    private static final String CY = "cy@gov.test";
    private static final String JONAS = "jonas.berg@gov.test";
    private static final String UNKNOWN = "left.office@gov.test";
    private static final String REFUSING = "refusals@gov.test";

    @TempDir
    static Path dir;

    private static MailWorld world;
    private static CampaignFolder campaign;
    private static CliResult sent;
    private static CliResult firstInbox;
    private static CliResult followup;
    private static CliResult reminders;
    private static CliResult secondInbox;
    private static CliResult table;
    private static CliResult followupTable;
    private static JsonNode json;
    private static ReportHtml report;

    @BeforeAll
    static void aCampaignWentThroughRealMail() throws Exception {
        assertThat(PASSWORD).as("LETTERMERGE_TEST_MAILBOX_PASSWORD (set in pom.xml)").isNotBlank();
        world = MailWorld.start(new MailUser(ORGANIZERS, PASSWORD, null),
                List.of(MailUser.plain(ANA), MailUser.plain(BEA), MailUser.plain(CY),
                        MailUser.onVacation(JONAS, "I am away until 5 January."),
                        MailUser.refusing(REFUSING, "This office does not accept open letters.")),
                Map.of());
        campaign = CampaignFolder.in(Files.createDirectories(dir.resolve("campaign")))
                .write("campaign.yaml", """
                        name: real-mail
                        from: Coalition Letters <letters@coalition.test>
                        subject: "A letter for {{name}}"
                        to_name: "{{name}}"
                        template: letter.txt.mustache
                        recipients: recipients.csv
                        smtp: {host: 127.0.0.1, port: %d, security: none}
                        mailbox:
                          host: 127.0.0.1
                          port: %d
                          security: none
                          username: letters@coalition.test
                          password_env: LETTERMERGE_TEST_MAILBOX_PASSWORD
                        """.formatted(world.smtpPort(), world.imapPort()))
                .write("letter.txt.mustache", CampaignFolder.LETTER)
                .write("reminder.txt.mustache", """
                        Dear {{name}},

                        We wrote to you on {{original_date}} ("{{original_subject}}"). Would you sign?
                        """)
                .write("recipients.csv", """
                        email,name
                        ana@gov.test,Ana
                        bea@coalition.test,Bea
                        cy@gov.test,Cy
                        jonas.berg@gov.test,Jonas
                        left.office@gov.test,Lee
                        refusals@gov.test,Ray
                        """);

        sent = Cli.run("send", campaign.campaign(), "--live");
        world.awaitMessage(ORGANIZERS, "Postfix's bounce report", m -> contentType(m).contains("delivery-status"));
        world.awaitMessage(ORGANIZERS, "Jonas's vacation reply", m -> from(m).equals(JONAS));
        world.awaitMessage(ORGANIZERS, "the rejection notice", m -> contentType(m).contains("disposition-notification"));
        world.submit(MailClient.reply(letterTo(ANA), "Ana <ana@gov.test>", "We will sign.",
                Threading.IN_REPLY_TO_AND_REFERENCES));
        world.submit(MailClient.reply(letterTo(BEA), "Bea <bea@coalition.test>", "Count us in.", Threading.NONE));
        world.awaitMessage(ORGANIZERS, "Ana's reply", m -> from(m).equals(ANA));
        world.awaitMessage(ORGANIZERS, "Bea's reply", m -> from(m).equals(BEA));
        world.awaitQueueEmpty();
        firstInbox = Cli.run("inbox", campaign.campaign());

        followup = Cli.run("followup", campaign.campaign(), "--template", campaign.path("reminder.txt.mustache")
                .toString(), "--who", "no-reply");
        reminders = Cli.run("run", "--db", campaign.database().toString(), "--once");
        MimeMessage reminder = world.awaitMessage(CY, "the reminder", m -> subject(m).startsWith("Re: "));
        world.submit(MailClient.reply(reminder, "Cy <cy@gov.test>", "Sorry for the delay: yes, we sign.",
                Threading.IN_REPLY_TO_AND_REFERENCES));
        world.awaitMessage(ORGANIZERS, "Cy's reply to the reminder", m -> from(m).equals(CY));
        world.awaitQueueEmpty();
        secondInbox = Cli.run("inbox", campaign.campaign());

        table = Cli.run("status", campaign.campaign());
        followupTable = Cli.run("status", campaign.campaign(), "--followup", "1");
        CliResult status = Cli.run("status", campaign.campaign(), "--format", "json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        json = new ObjectMapper().readTree(status.out());
        CliResult made = Cli.run("report", campaign.campaign(), "--out", dir.resolve("report.html").toString());
        assertThat(made.exitCode()).as(made.toString()).isZero();
        report = ReportHtml.read(dir.resolve("report.html"));
    }

    @AfterAll
    static void stopTheServers() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void postfixAcceptedEveryLetterAndDeliveredEachToItsMailboxOrBouncedIt() throws Exception {
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        Map<String, String> ids = sentIds("real-mail");
        assertThat(LogRows.query(campaign.database(), "SELECT r.email, r.state, r.smtp_reply FROM recipient r "
                + "JOIN campaign c ON c.id = r.campaign_id WHERE c.name = 'real-mail'"))
                .hasSize(6).allSatisfy(r -> {
                    assertThat(r.get("state")).as(r.toString()).isEqualTo("ACCEPTED");
                    assertThat((String) r.get("smtp_reply")).as(r.toString()).contains("queued as");
                });
        for (String person : List.of(ANA, BEA, CY, JONAS)) {
            assertThat(world.messages(person).get(0).getMessageID()).as(person).isEqualToIgnoringCase(ids.get(person));
        }
        assertThat(world.messages(REFUSING)).as("Sieve reject keeps nothing").isEmpty();
        MimeMessage dsn = world.messages(ORGANIZERS).stream().filter(m -> contentType(m).contains("delivery-status"))
                .findFirst().orElseThrow();
        assertThat(from(dsn)).isEqualToIgnoringCase("MAILER-DAEMON@coalition.test");
        assertThat(dsn.getHeader("To", null)).as("back to the envelope sender, the From address").contains(ORGANIZERS);
        MimeMessage notice = world.messages(ORGANIZERS).stream()
                .filter(m -> contentType(m).contains("disposition-notification")).findFirst().orElseThrow();
        assertThat(notice.getSubject()).isEqualTo("Rejected: A letter for Ray");
    }

    @Test
    void inboxTiesTheBounceTheAutoReplyAndTheThreadedRepliesToTheirLetters() {
        assertThat(firstInbox.exitCode()).as(firstInbox.toString()).isZero();
        assertThat(secondInbox.exitCode()).as(secondInbox.toString()).isZero();
        Map<String, String> parent = inbound("real-mail");
        assertThat(parent.get(ANA)).isEqualTo("REPLIED In-Reply-To");
        assertThat(parent.get(JONAS)).isEqualTo("AUTO_REPLY In-Reply-To");
        assertThat(parent.get(UNKNOWN)).isEqualTo("BOUNCED original Message-ID 5.1.1");
        assertThat(parent.get(REFUSING)).startsWith("BOUNCED ");
        assertThat(inbound("real-mail-followup-1").get(CY)).isEqualTo("REPLIED In-Reply-To");
        assertThat(LogRows.query(campaign.database(), "SELECT email, source FROM suppression"))
                .extracting(r -> r.get("email") + " " + r.get("source")).contains(UNKNOWN + " bounce");
    }

    @Test
    void statusItsJsonAndTheReportAgreeWithWhatTheServersDid() {
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(json.at("/counts/accepted").asInt()).isEqualTo(6);
        assertThat(report.total("accepted")).isEqualTo(6);
        assertThat(table.out()).as(table.toString())
                .containsPattern(Pattern.quote(ANA) + " .*replied \\d{4}-\\d{2}-\\d{2}")
                .containsPattern(Pattern.quote(JONAS) + " .*auto-reply")
                .containsPattern(Pattern.quote(UNKNOWN) + " .*bounced 5\\.1\\.1");

        JsonNode ana = recipient(ANA);
        assertThat(ana.get("replied").asBoolean()).isTrue();
        assertThat(report.cell(ANA, "replied")).startsWith("yes, ");
        JsonNode jonas = recipient(JONAS);
        assertThat(jonas.get("auto_reply").asBoolean()).isTrue();
        assertThat(jonas.get("replied").asBoolean()).as("an automatic reply is not a reply").isFalse();
        assertThat(report.cell(JONAS, "replied")).isEqualTo("auto-reply only");
        JsonNode unknown = recipient(UNKNOWN);
        assertThat(unknown.get("state").asText()).as("the server accepted it; the bounce came later").isEqualTo("ACCEPTED");
        assertThat(unknown.get("bounced").asBoolean()).isTrue();
        assertThat(unknown.get("bounce_status").asText()).isEqualTo("5.1.1");
        assertThat(report.cell(UNKNOWN, "bounced")).isEqualTo("yes 5.1.1");
        JsonNode ray = recipient(REFUSING);
        assertThat(ray.get("bounced").asBoolean()).as("a Sieve rejection notice").isTrue();
        assertThat(ray.get("replied").asBoolean()).isFalse();
        assertThat(report.cell(REFUSING, "bounced")).startsWith("yes");

        // Whatever the counts, the three views count the same recipients.
        for (JsonNode r : json.get("recipients")) {
            String email = r.get("email").asText();
            assertThat(report.cell(email, "replied").startsWith("yes")).as(email).isEqualTo(r.get("replied").asBoolean());
            assertThat(report.cell(email, "bounced").startsWith("yes")).as(email).isEqualTo(r.get("bounced").asBoolean());
        }
        assertThat(report.total("replied")).isEqualTo(count("replied"));
        assertThat(report.total("auto-reply")).isEqualTo(count("auto_reply"));
        assertThat(report.total("bounced")).isEqualTo(count("bounced"));
    }

    @Test
    void theReminderWentThreadedThroughPostfixAndTheReplyToItIsRecordedAgainstIt() throws Exception {
        assertThat(followup.exitCode()).as(followup.toString()).isZero();
        assertThat(reminders.exitCode()).as(reminders.toString()).isZero();
        List<MimeMessage> toCy = world.messages(CY);
        assertThat(toCy).hasSize(2);
        String letterId = sentIds("real-mail").get(CY);
        assertThat(toCy.get(1).getHeader("In-Reply-To", null)).isEqualToIgnoringCase(letterId);
        assertThat(toCy.get(1).getSubject()).isEqualTo("Re: A letter for Cy");
        assertThat(sentIds("real-mail-followup-1").get(CY)).isEqualToIgnoringCase(toCy.get(1).getMessageID());
        assertThat(world.messages(ANA)).as("Ana replied before the reminder").hasSize(1);

        assertThat(followupTable.out()).as(followupTable.toString()).contains("Campaign real-mail-followup-1");
        JsonNode cy = recipient(CY);
        assertThat(cy.at("/reminders/0/state").asText()).isEqualTo("ACCEPTED");
        assertThat(cy.at("/reminders/0/replied").asBoolean()).isTrue();
    }

    @Test
    void aReplyThatLostItsThreadingHeadersIsMatchedBySenderAndSubject() {
        assertThat(inbound("real-mail").get(BEA)).as("Bea's reply, recorded against her letter")
                .startsWith("REPLIED ").contains("sender and subject");
        assertThat(recipient(BEA).get("replied").asBoolean()).isTrue();
        assertThat(report.cell(BEA, "replied")).startsWith("yes, ");
        assertThat(sentIds("real-mail-followup-1")).as("Bea replied: no reminder").doesNotContainKey(BEA);
        assertThat(world.messages(BEA)).hasSize(1);
    }

    @Test
    void aReplyToTheReminderCountsAsAReplyInStatusItsJsonAndTheReport() {
        assertThat(recipient(CY).get("replied").asBoolean()).isTrue();
        assertThat(report.cell(CY, "replied")).startsWith("yes, ");
        CliResult replied = Cli.run("status", campaign.campaign(), "--format", "csv", "--replied");
        assertThat(replied.out()).as(replied.toString()).contains(CY);
        assertThat(table.out()).containsPattern(Pattern.quote(CY) + " .*replied \\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void aSieveRejectionNoticeIsABounceWithAClearReason() {
        // Main already records it as BOUNCED (its text quotes the letter's Message-ID); the reason is what it lacks.
        assertThat(inbound("real-mail").get(REFUSING)).startsWith("BOUNCED ");
        JsonNode ray = recipient(REFUSING);
        assertThat(ray.get("bounced").asBoolean()).isTrue();
        assertThat(ray.get("bounce_status").asText("")).as("the reason, in status and its JSON").isNotBlank();
        assertThat(report.cell(REFUSING, "bounced")).matches("yes .+");
    }

    private static MimeMessage letterTo(String address) {
        return world.awaitMessage(address, "the letter", m -> true);
    }

    /** Each recipient's row of one campaign: its Message-ID, as the log holds it. */
    private static Map<String, String> sentIds(String campaignName) {
        return LogRows.query(campaign.database(), "SELECT r.email, r.message_id FROM recipient r JOIN campaign c "
                        + "ON c.id = r.campaign_id WHERE c.name = ?", campaignName).stream()
                .collect(Collectors.toMap(r -> (String) r.get("email"), r -> (String) r.get("message_id")));
    }

    /** What inbox recorded for each recipient of one campaign: kind, how it was matched, and the DSN status. */
    private static Map<String, String> inbound(String campaignName) {
        return LogRows.query(campaign.database(), "SELECT r.email, i.kind, i.matched_by, i.dsn_status FROM inbound i "
                        + "JOIN recipient r ON r.id = i.recipient_id JOIN campaign c ON c.id = r.campaign_id "
                        + "WHERE c.name = ?", campaignName).stream()
                .collect(Collectors.toMap(r -> (String) r.get("email"), r -> r.get("kind") + " " + r.get("matched_by")
                        + (r.get("dsn_status") == null ? "" : " " + r.get("dsn_status")), (a, b) -> a + " | " + b));
    }

    private static JsonNode recipient(String email) {
        for (JsonNode r : json.get("recipients")) {
            if (r.get("email").asText().equals(email)) {
                return r;
            }
        }
        throw new AssertionError("no " + email + " in " + json);
    }

    private static int count(String field) {
        int n = 0;
        for (JsonNode r : json.get("recipients")) {
            n += r.get(field).asBoolean() ? 1 : 0;
        }
        return n;
    }

}
