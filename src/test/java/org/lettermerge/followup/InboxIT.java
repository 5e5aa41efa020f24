package org.lettermerge.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.StatusCsvRows;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.LogRows;

/**
 * {@code lettermerge inbox} against GreenMail's IMAP: a campaign is sent through GreenMail's SMTP, then replies,
 * an out-of-office, RFC 3464 bounces, a free-text bounce, a delay report and unrelated mail are put into the
 * organizers' mailbox, and the command ties each to its letter.
 */
class InboxIT {

    /** Set by surefire and failsafe (pom.xml): the campaign names the variable, as a user's would. */
    private static final String PASSWORD = System.getenv("LETTERMERGE_TEST_MAILBOX_PASSWORD");
    private static final String ORGANIZERS = "letters@coalition.example.org";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dir;

    private CampaignFolder campaign;
    private GreenMailUser organizers;
    private Map<String, String> sentIds;

    @BeforeEach
    void sevenLettersWentOut() {
        assertThat(PASSWORD).as("LETTERMERGE_TEST_MAILBOX_PASSWORD (set in pom.xml)").isNotBlank();
        organizers = greenMail.setUser(ORGANIZERS, "letters", PASSWORD);
        campaign = CampaignFolder.withMailbox(dir, greenMail, "", """
                        email,name
                        ana@example.org,Ana
                        bea@example.org,Bea
                        cy@example.org,Cy
                        dov@example.org,Dov
                        eve@example.org,Eve
                        fay@example.org,Fay
                        gus@example.org,Gus
                        """);
        CliResult sent = Cli.run("send", campaign.campaign(), "--live");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        sentIds = LogRows.query(campaign.database(), "SELECT email, message_id FROM recipient").stream()
                .collect(Collectors.toMap(r -> (String) r.get("email"), r -> (String) r.get("message_id")));
    }

    @Test
    void eachMessageIsTiedToItsLetterAndClassified() {
        deliverTheUsualMail();

        CliResult read = Cli.run("inbox", campaign.campaign());

        assertThat(read.exitCode()).as(read.toString()).isZero();
        assertThat(read.out()).contains("8 new, 0 already recorded")
                .containsPattern("bounced 5\\.1\\.1 +dov@example\\.org \\(report from ")
                .containsPattern("delayed 4\\.4\\.1 +fay@example\\.org \\(report from ");
        assertThat(kindsByRecipient()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ana@example.org", "REPLIED In-Reply-To",
                "bea@example.org", "REPLIED References",
                "cy@example.org", "AUTO_REPLY In-Reply-To",
                "dov@example.org", "BOUNCED original Message-ID",
                "eve@example.org", "BOUNCED Message-ID in the bounce text",
                "fay@example.org", "DELAYED original Message-ID",
                "gus@example.org", "BOUNCED Final-Recipient"));
        assertThat(LogRows.query(campaign.database(), "SELECT dsn_status FROM inbound WHERE kind = 'BOUNCED' "
                + "ORDER BY recipient_id")).extracting(r -> r.get("dsn_status"))
                .containsExactly("5.1.1", "5.2.1", "5.1.1");
        assertThat(LogRows.query(campaign.database(), "SELECT subject, recipient_id FROM inbound WHERE kind = 'UNMATCHED'"))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("subject")).isEqualTo("Conference next week");
                    assertThat(r.get("recipient_id")).isNull();
                });
        assertThat(LogRows.query(campaign.database(), "SELECT r.email, e.kind FROM event e JOIN recipient r "
                + "ON r.id = e.recipient_id WHERE e.kind IN ('REPLIED','AUTO_REPLY','BOUNCED','DELAYED')"))
                .extracting(r -> r.get("email") + " " + r.get("kind"))
                .containsExactlyInAnyOrder("ana@example.org REPLIED", "bea@example.org REPLIED",
                        "cy@example.org AUTO_REPLY", "dov@example.org BOUNCED", "eve@example.org BOUNCED",
                        "fay@example.org DELAYED", "gus@example.org BOUNCED");
        // A reply or a bounce is history, not a new SMTP outcome: the delivery state stays as the server left it.
        assertThat(LogRows.recipients(campaign.database())).extracting(r -> r.get("state")).containsOnly("ACCEPTED");
    }

    @Test
    void readingTheMailboxTwiceRecordsNothingTwiceAndNeverDeletesMail() throws Exception {
        deliverTheUsualMail();
        assertThat(Cli.run("inbox", campaign.campaign()).exitCode()).isZero();
        long events = count("SELECT count(*) AS n FROM event");

        CliResult again = Cli.run("inbox", campaign.campaign());

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("0 new, 0 already recorded");
        assertThat(count("SELECT count(*) AS n FROM inbound")).isEqualTo(8);
        assertThat(count("SELECT count(*) AS n FROM event")).isEqualTo(events);
        assertThat(greenMail.getManagers().getImapHostManager().getInbox(organizers).getMessageCount()).isEqualTo(8);
    }

    @Test
    void aSecondReadingFetchesOnlyTheNewMessagesAndAChangedUidValidityReadsAllAgain() throws Exception {
        deliverTheUsualMail();
        assertThat(Cli.run("inbox", campaign.campaign()).exitCode()).isZero();
        long lastUid = greenMail.getManagers().getImapHostManager().getInbox(organizers).getMessageUids()[7];
        assertThat(LogRows.query(campaign.database(), "SELECT mailbox, last_uid FROM mailbox_state"))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("mailbox")).isEqualTo("imap://letters@127.0.0.1:"
                            + greenMail.getImap().getPort() + "/INBOX");
                    assertThat(((Number) r.get("last_uid")).longValue()).isEqualTo(lastUid);
                });
        deliver("""
                From: Someone <someone@elsewhere.example>
                To: letters@coalition.example.org
                Subject: One more thing
                Message-ID: <later@elsewhere.example>
                Date: Mon, 2 Mar 2026 12:00:00 +0000

                Hello again.
                """);

        CliResult next = Cli.run("inbox", campaign.campaign());

        // "already recorded" counts old messages fetched again: none were.
        assertThat(next.out()).as(next.toString()).contains("1 new, 0 already recorded");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + campaign.database());
             var st = c.createStatement()) {
            st.execute("UPDATE mailbox_state SET uid_validity = uid_validity + 1");
        }
        assertThat(Cli.run("inbox", campaign.campaign()).out()).contains("0 new, 9 already recorded");
    }

    @Test
    void theSchedulerReadsTheMailboxesToo() {
        deliverTheUsualMail();

        CliResult run = Cli.run("run", "--db", campaign.database().toString(), "--once", "--read-mailboxes");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Read the mailboxes: 8 new messages recorded");
        assertThat(LogRows.query(campaign.database(), "SELECT kind FROM inbound")).hasSize(8);
        assertThat(Cli.run("run", "--db", campaign.database().toString(), "--once", "--read-mailboxes").out())
                .contains("Read the mailboxes: 0 new messages recorded");
    }

    @Test
    void hardBouncesPutTheAddressOnTheSuppressionListUnlessTurnedOff() throws Exception {
        deliverTheUsualMail();

        assertThat(Cli.run("inbox", campaign.campaign()).exitCode()).isZero();

        // 5.x.x reports (dov, gus) and the free-text 5.2.1 bounce (eve); the delayed report (fay) is not a bounce.
        assertThat(LogRows.query(campaign.database(), "SELECT email, source FROM suppression ORDER BY email"))
                .extracting(r -> r.get("email") + " " + r.get("source"))
                .containsExactly("dov@example.org bounce", "eve@example.org bounce", "gus@example.org bounce");
    }

    @Test
    void withSuppressHardBouncesOffNoAddressIsSuppressed() throws Exception {
        campaign.write("campaign.yaml", java.nio.file.Files.readString(dir.resolve("campaign.yaml"))
                .replace("password_env: LETTERMERGE_TEST_MAILBOX_PASSWORD",
                        "password_env: LETTERMERGE_TEST_MAILBOX_PASSWORD\n  suppress_hard_bounces: false"));
        deliverTheUsualMail();

        assertThat(Cli.run("inbox", campaign.campaign()).exitCode()).isZero();

        assertThat(LogRows.query(campaign.database(), "SELECT email FROM suppression")).isEmpty();
        assertThat(LogRows.query(campaign.database(), "SELECT kind FROM inbound WHERE kind = 'BOUNCED'")).hasSize(3);
    }

    @Test
    void withMoveToMatchedMailIsMovedAndUnmatchedMailStaysInTheInbox() throws Exception {
        campaign.write("campaign.yaml", java.nio.file.Files.readString(dir.resolve("campaign.yaml"))
                .replace("password_env: LETTERMERGE_TEST_MAILBOX_PASSWORD",
                        "password_env: LETTERMERGE_TEST_MAILBOX_PASSWORD\n  move_to: Processed"));
        deliverTheUsualMail();

        CliResult read = Cli.run("inbox", campaign.campaign());

        assertThat(read.exitCode()).as(read.toString()).isZero();
        assertThat(read.out()).contains("8 new, 0 already recorded, 7 moved");
        var imap = greenMail.getManagers().getImapHostManager();
        assertThat(imap.getInbox(organizers).getMessageCount()).isOne();
        assertThat(imap.getFolder(organizers, "Processed").getMessageCount()).isEqualTo(7);
        // The unmatched one stays for a person, and is not fetched again.
        assertThat(Cli.run("inbox", campaign.campaign()).out()).contains("0 new, 0 already recorded");
    }

    @Test
    void unmatchedMailIsListedForAPerson() {
        deliverTheUsualMail();
        CliResult read = Cli.run("inbox", campaign.campaign());
        assertThat(read.exitCode()).isZero();
        assertThat(read.out()).contains("Unmatched mail is kept for you: lettermerge inbox "
                + campaign.campaign() + " --unmatched lists it.");

        CliResult list = Cli.run("inbox", campaign.campaign(), "--unmatched");

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("1 message nobody could tie to a letter", "someone@elsewhere.example",
                "Conference next week", "Would your office like to speak");
        assertThat(list.out()).doesNotContain("A letter for Ana");
    }

    @Test
    void statusShowsRepliesAndBouncesAndFiltersOnThem() throws Exception {
        deliverTheUsualMail();
        assertThat(Cli.run("inbox", campaign.campaign()).exitCode()).isZero();

        CliResult csv = Cli.run("status", campaign.campaign(), "--format", "csv");
        assertThat(csv.out()).startsWith("\uFEFFemail,name,state,attempts,smtp_code,smtp_reply,message_id,last_attempt_at,"
                + "queued_at,removed,next_attempt_at,skip_reason,replied,replied_at,auto_reply,bounced,bounce_status,asks_unsubscribe");
        Map<String, CSVRecord> rows = csv(csv.out()).stream().collect(Collectors.toMap(r -> r.get("email"), r -> r));
        assertThat(rows.get("ana@example.org").get("replied")).isEqualTo("yes");
        assertThat(rows.get("ana@example.org").get("replied_at")).isNotEmpty();
        assertThat(rows.get("cy@example.org").get("replied")).isEqualTo("no");
        assertThat(rows.get("cy@example.org").get("auto_reply")).isEqualTo("yes");
        assertThat(rows.get("dov@example.org").get("bounced")).isEqualTo("yes");
        assertThat(rows.get("dov@example.org").get("bounce_status")).isEqualTo("5.1.1");
        assertThat(rows.get("fay@example.org").get("bounced")).isEqualTo("no");

        assertThat(emails("status", campaign.campaign(), "--format", "csv", "--state", "accepted", "--no-reply"))
                .containsExactly("cy@example.org", "dov@example.org", "eve@example.org", "fay@example.org",
                        "gus@example.org");
        assertThat(emails("status", campaign.campaign(), "--format", "csv", "--replied"))
                .containsExactly("ana@example.org", "bea@example.org");
        assertThat(emails("status", campaign.campaign(), "--format", "csv", "--bounced"))
                .containsExactly("dov@example.org", "eve@example.org", "gus@example.org");
        assertThat(emails("status", campaign.campaign(), "--format", "csv", "--state", "failed", "--replied")).isEmpty();

        CliResult table = Cli.run("status", campaign.campaign());
        assertThat(table.out()).containsPattern("dov@example.org .*bounced 5\\.1\\.1")
                .containsPattern("ana@example.org .*replied \\d{4}-\\d{2}-\\d{2}")
                .containsPattern("cy@example.org .*auto-reply");
        CliResult json = Cli.run("status", campaign.campaign(), "--format", "json");
        assertThat(json.out()).contains("\"bounce_status\" : \"5.1.1\"", "\"replied\" : true");
    }

    @Test
    void aReplyThatLostItsThreadingHeadersIsMatchedBySenderAndSubjectAndGetsNoReminder() throws Exception {
        deliver("""
                From: Dov <Dov@Example.org>
                To: letters@coalition.example.org
                Subject: AW: RE: A letter for Dov
                Message-ID: <webmail-dov@example.org>
                Date: Mon, 2 Mar 2026 10:00:00 +0000

                We will sign.
                """);
        deliver("""
                From: Eve <eve@example.org>
                To: letters@coalition.example.org
                Subject: Fwd: A letter for Eve
                Message-ID: <forward-eve@example.org>
                Date: Mon, 2 Mar 2026 10:00:00 +0000

                Passing this on.
                """);

        CliResult read = Cli.run("inbox", campaign.campaign());

        assertThat(read.exitCode()).as(read.toString()).isZero();
        assertThat(kindsByRecipient()).containsExactlyEntriesOf(Map.of("dov@example.org", "REPLIED sender and subject"));
        assertThat(LogRows.query(campaign.database(), "SELECT subject FROM inbound WHERE kind = 'UNMATCHED'"))
                .extracting(r -> r.get("subject")).containsExactly("Fwd: A letter for Eve");
        assertThat(emails("status", campaign.campaign(), "--format", "csv", "--no-reply")).doesNotContain("dov@example.org");
        campaign.write("reminder.txt.mustache", "Dear {{name}}, did you see our letter?\n");
        CliResult followup = Cli.run("followup", campaign.campaign(), "--template",
                campaign.path("reminder.txt.mustache").toString(), "--who", "no-reply");
        assertThat(followup.exitCode()).as(followup.toString()).isZero();
        assertThat(LogRows.query(campaign.database(), "SELECT r.email FROM recipient r JOIN campaign c "
                + "ON c.id = r.campaign_id WHERE c.name LIKE '%-followup-1'")).extracting(r -> r.get("email"))
                .doesNotContain("dov@example.org").contains("eve@example.org");
    }

    @Test
    void messageIdsAreKeptAsWrittenAndMatchedWhateverTheCaseOfTheQuote() {
        deliver("""
                From: Ana <ana@example.org>
                To: letters@coalition.example.org
                Subject: Your letter
                Message-ID: <CAF3xYz9Q@Mail.Example.org>
                In-Reply-To: %s
                Date: Mon, 2 Mar 2026 10:00:00 +0000

                Yes.
                """.formatted(sentIds.get("ana@example.org").toUpperCase()));
        deliver("""
                From: Someone <someone@elsewhere.example>
                To: letters@coalition.example.org
                Subject: Conference next week
                Message-ID: <AbC-123@Elsewhere.example>
                Date: Mon, 2 Mar 2026 11:00:00 +0000

                Hello.
                """);

        assertThat(Cli.run("inbox", campaign.campaign()).exitCode()).isZero();

        assertThat(kindsByRecipient()).containsExactlyEntriesOf(Map.of("ana@example.org", "REPLIED In-Reply-To"));
        assertThat(LogRows.query(campaign.database(), "SELECT message_key FROM inbound ORDER BY id"))
                .extracting(r -> r.get("message_key")).containsExactly("<CAF3xYz9Q@Mail.Example.org>",
                        "<AbC-123@Elsewhere.example>");
        assertThat(Cli.run("inbox", campaign.campaign(), "--unmatched").out()).contains("<AbC-123@Elsewhere.example>");
    }

    @Test
    void aSieveRejectionNoticeIsABounceWhoseReasonStatusItsCsvJsonAndTheReportShow() throws Exception {
        deliver("""
                From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.org>
                To: <letters@coalition.example.org>
                Subject: Rejected: A letter for Gus
                Message-ID: <dovecot-sieve-1-0@mail.example.org>
                Date: Mon, 2 Mar 2026 10:00:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=disposition-notification; boundary="b"
                Auto-Submitted: auto-replied (rejected)

                --b
                Content-Type: text/plain; charset=utf-8

                Your message to <gus@example.org> was automatically rejected:
                No campaign mail, please.
                --b
                Content-Type: message/disposition-notification

                Reporting-UA: mail.example.org; Dovecot Mail Delivery Agent
                Final-Recipient: rfc822; gus@example.org
                Original-Message-ID: %s
                Disposition: automatic-action/MDN-sent-automatically; deleted
                --b--
                """.formatted(sentIds.get("gus@example.org")));

        CliResult read = Cli.run("inbox", campaign.campaign());

        assertThat(read.out()).as(read.toString()).containsPattern("bounced +gus@example\\.org \\(report from ")
                .contains("rejected by the recipient's mail filter");
        assertThat(kindsByRecipient()).containsExactlyEntriesOf(Map.of("gus@example.org", "BOUNCED original Message-ID"));
        CSVRecord gus = csv(Cli.run("status", campaign.campaign(), "--format", "csv").out()).stream()
                .filter(r -> r.get("email").equals("gus@example.org")).findFirst().orElseThrow();
        assertThat(gus.get("bounced")).isEqualTo("yes");
        assertThat(gus.get("bounce_reason")).isEqualTo("rejected by the recipient's mail filter (automatic-action/"
                + "MDN-sent-automatically; deleted): Your message to <gus@example.org> was automatically rejected: "
                + "No campaign mail, please.");
        assertThat(gus.get("bounce_status")).isEqualTo(gus.get("bounce_reason"));
        assertThat(Cli.run("status", campaign.campaign(), "--format", "json").out())
                .contains("\"bounce_reason\" : \"rejected by the recipient's mail filter");
        Path html = dir.resolve("report.html");
        assertThat(Cli.run("report", campaign.campaign(), "--out", html.toString()).exitCode()).isZero();
        assertThat(java.nio.file.Files.readString(html))
                .contains("<td class=\"bounced\">yes (rejected by the recipient&#39;s mail filter");
        assertThat(LogRows.query(campaign.database(), "SELECT count(*) AS n FROM suppression"))
                .extracting(r -> ((Number) r.get("n")).intValue()).containsExactly(0);
    }

    private void deliverTheUsualMail() {
        deliver("""
                From: Ana <ana@example.org>
                To: letters@coalition.example.org
                Subject: Re: A letter for Ana
                Message-ID: <reply-ana@example.org>
                In-Reply-To: %s
                Date: Mon, 2 Mar 2026 10:00:00 +0000

                Thank you, we will sign.
                """.formatted(sentIds.get("ana@example.org")));
        deliver("""
                From: Bea <bea@example.org>
                To: letters@coalition.example.org
                Subject: Your letter
                Message-ID: <reply-bea@example.org>
                References: <older-thread@example.org> %s
                Date: Mon, 2 Mar 2026 10:05:00 +0000

                Our director will answer next week.
                """.formatted(sentIds.get("bea@example.org")));
        deliver("""
                From: Cy <cy@example.org>
                To: letters@coalition.example.org
                Subject: Automatic reply: A letter for Cy
                Message-ID: <ooo-cy@example.org>
                In-Reply-To: %s
                Auto-Submitted: auto-replied
                Date: Mon, 2 Mar 2026 10:01:00 +0000

                I am out of the office until Monday.
                """.formatted(sentIds.get("cy@example.org")));
        deliver(dsn("dov", "failed", "5.1.1", "rfc822; dov.forwarded@elsewhere.example", """
                Content-Type: text/rfc822-headers

                Message-ID: %s
                From: Coalition Letters <letters@coalition.example.org>
                To: Dov <dov@example.org>
                Subject: A letter for Dov
                """.formatted(sentIds.get("dov@example.org"))));
        deliver("""
                From: MAILER-DAEMON@mail.example.com
                To: letters@coalition.example.org
                Subject: failure notice
                Message-ID: <freetext-eve@mail.example.com>
                Date: Mon, 2 Mar 2026 10:03:00 +0000

                Hi. This is the qmail-send program at mail.example.com.
                I'm afraid I wasn't able to deliver your message to the following addresses.

                <eve.old@example.com>:
                550 5.2.1 mailbox disabled

                --- Below this line is a copy of the message.

                Message-ID: %s
                Subject: A letter for Eve
                """.formatted(sentIds.get("eve@example.org")));
        deliver(dsn("fay", "delayed", "4.4.1", "rfc822; fay@example.org", """
                Content-Type: text/rfc822-headers

                Message-ID: %s
                Subject: A letter for Fay
                """.formatted(sentIds.get("fay@example.org"))));
        deliver(dsn("gus", "failed", "5.1.1", "rfc822; gus@example.org", """
                Content-Type: text/plain

                (no returned headers)
                """));
        // No Message-ID: it still gets a stable key, so a second reading recognises it.
        deliver("""
                From: Someone <someone@elsewhere.example>
                To: letters@coalition.example.org
                Subject: Conference next week
                Date: Mon, 2 Mar 2026 11:00:00 +0000

                Would your office like to speak at our conference?
                """);
    }

    /** An RFC 3464 report: multipart/report with a text part, message/delivery-status and the given third part. */
    private static String dsn(String who, String action, String status, String finalRecipient, String returnedPart) {
        return """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
                To: letters@coalition.example.org
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <dsn-%s@mx.example.net>
                Date: Mon, 2 Mar 2026 10:02:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="REPORT"

                --REPORT
                Content-Type: text/plain

                This is the mail system at host mx.example.net.

                --REPORT
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                Final-Recipient: %s
                Action: %s
                Status: %s
                Diagnostic-Code: smtp; 550 %s no such user

                --REPORT
                %s
                --REPORT--
                """.formatted(who, finalRecipient, action, status, status, returnedPart);
    }

    private void deliver(String raw) {
        organizers.deliver(GreenMailUtil.newMimeMessage(raw));
    }

    private Map<String, String> kindsByRecipient() {
        return LogRows.query(campaign.database(), "SELECT r.email, i.kind, i.matched_by FROM inbound i "
                        + "JOIN recipient r ON r.id = i.recipient_id").stream()
                .collect(Collectors.toMap(r -> (String) r.get("email"), r -> r.get("kind") + " " + r.get("matched_by")));
    }

    private long count(String sql) {
        return ((Number) LogRows.query(campaign.database(), sql).get(0).get("n")).longValue();
    }

    private static List<String> emails(String... args) throws Exception {
        CliResult result = Cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return csv(result.out()).stream().map(r -> r.get("email")).toList();
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        return StatusCsvRows.of(text);
    }
}
