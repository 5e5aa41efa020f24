package org.lettermerge.followup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.lettermerge.store.BounceClass;
import org.lettermerge.store.InboundKind;
import org.lettermerge.store.InboundMessage;
import org.lettermerge.store.RecipientRef;

/** Bounces as Postfix and Dovecot write them, read whole, classified, and judged for the suppression list. */
class BouncesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final String LETTER_ID = "<7f3e2a10-5b8c-4d2e-9f00-1a2b3c4d5e6f@coalition.example.org>";

    @Test
    void aSieveRejectIsABounceWithTheFiltersOwnReason() throws Exception {
        IncomingMail mail = parse("""
                Return-Path: <>
                From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.org>
                To: <letters@coalition.example.org>
                Subject: Rejected: A letter for Ana
                Message-ID: <dovecot-sieve-1764748800-123456-0@mail.example.org>
                Date: Thu, 03 Dec 2026 08:00:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=disposition-notification;
                	boundary="123456/mail.example.org"
                Auto-Submitted: auto-replied (rejected)
                Precedence: bulk

                This is a MIME-encapsulated message

                --123456/mail.example.org
                Content-Type: text/plain; charset=utf-8
                Content-Disposition: inline
                Content-Transfer-Encoding: 8bit

                Your message to <ana@example.org> was automatically rejected:
                This office accepts no campaign mail.

                --123456/mail.example.org
                Content-Type: message/disposition-notification

                Reporting-UA: mail.example.org; Dovecot Mail Delivery Agent
                Final-Recipient: rfc822; ana@example.org
                Original-Message-ID: %s
                Disposition: automatic-action/MDN-sent-automatically; deleted

                --123456/mail.example.org
                Content-Type: message/rfc822

                Message-ID: %s
                From: Coalition Letters <letters@coalition.example.org>
                To: Ana <ana@example.org>
                Subject: A letter for Ana

                Dear Ana,
                --123456/mail.example.org--
                """.formatted(LETTER_ID, LETTER_ID));

        assertThat(mail.report().failed()).isTrue();
        assertThat(mail.report().status()).isNull();
        assertThat(mail.report().originalMessageIds()).containsExactly(LETTER_ID);
        assertThat(mail.report().recipients()).containsExactly("ana@example.org");
        assertThat(mail.report().reason()).isEqualTo("rejected by the recipient's mail filter (automatic-action/"
                + "MDN-sent-automatically; deleted): Your message to <ana@example.org> was automatically rejected: "
                + "This office accepts no campaign mail.");
        assertThat(Classification.of(mail, true)).isEqualTo(InboundKind.BOUNCED);
    }

    @Test
    void aReadReceiptIsNotABounce() throws Exception {
        IncomingMail mail = parse("""
                From: Ana <ana@example.org>
                Subject: Read: A letter for Ana
                Message-ID: <mdn-1@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=disposition-notification; boundary="b"

                --b
                Content-Type: text/plain

                Your message was displayed.
                --b
                Content-Type: message/disposition-notification

                Final-Recipient: rfc822; ana@example.org
                Original-Message-ID: %s
                Disposition: manual-action/MDN-sent-manually; displayed
                --b--
                """.formatted(LETTER_ID));

        assertThat(mail.report()).isNull();
        assertThat(mail.automatic()).isTrue();
    }

    @Test
    void aReportWithoutAStatusIsABounceThatSaysSo() throws Exception {
        IncomingMail mail = parse("""
                From: MAILER-DAEMON@mx.example.net
                Subject: Delivery Status Notification
                Message-ID: <odd-1@mx.example.net>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Your message could not be delivered.
                --b
                Content-Type: text/rfc822-headers

                Message-ID: %s
                --b--
                """.formatted(LETTER_ID));

        assertThat(mail.report().failed()).isTrue();
        assertThat(mail.report().status()).isNull();
        assertThat(mail.report().originalMessageIds()).containsExactly(LETTER_ID);
        assertThat(mail.report().reason()).isEqualTo("a report (report-type=delivery-status) that gives no delivery "
                + "status: Your message could not be delivered.");
        assertThat(BounceClass.describe(mail.report().status())).isEqualTo("bounced");
    }

    @Test
    void aFullMailboxIsRecordedAsBouncedButNeverSuppressed() throws Exception {
        IncomingMail mail = parse(postfix("5.2.2", """
                Action: failed
                Status: 5.2.2
                Remote-MTA: dns; mail.example.org
                Diagnostic-Code: smtp; 552 5.2.2 <ana@example.org>: Mailbox full
                """, "<ana@example.org>: host mail.example.org[192.0.2.10] said: 552 5.2.2\n    <ana@example.org>: "
                + "Mailbox full (in reply to RCPT TO command)"));

        InboundMessage m = recorded(mail);
        assertThat(m.kind()).isEqualTo(InboundKind.BOUNCED);
        assertThat(m.isHardBounce()).isFalse();
        assertThat(m.bounceClass()).isEqualTo(BounceClass.MAILBOX_FULL);
        assertThat(m.bounceReason()).isEqualTo("mailbox full: smtp; 552 5.2.2 <ana@example.org>: Mailbox full");
    }

    @Test
    void anUnknownUserIsAHardBounce() throws Exception {
        InboundMessage m = recorded(parse(postfix("5.1.1", """
                Action: failed
                Status: 5.1.1
                Remote-MTA: dns; mail.example.org
                Diagnostic-Code: smtp; 550 5.1.1 <ana@example.org>: Recipient address rejected: User unknown
                """, "<ana@example.org>: host mail.example.org[192.0.2.10] said: 550 5.1.1 <ana@example.org>: "
                + "Recipient address rejected: User unknown (in reply to RCPT TO command)")));

        assertThat(m.isHardBounce()).isTrue();
        assertThat(m.bounceReason()).isEqualTo("smtp; 550 5.1.1 <ana@example.org>: Recipient address rejected: "
                + "User unknown");
    }

    @Test
    void aLetterThatExpiredInTheQueueIsNotDeliveredNotHard() throws Exception {
        InboundMessage m = recorded(parse(postfix("4.4.7", """
                Action: failed
                Status: 4.4.7
                Diagnostic-Code: X-Postfix; delivery temporarily suspended: connect to
                    mail.example.org[192.0.2.10]:25: Connection timed out
                """, "<ana@example.org>: delivery temporarily suspended: connect to mail.example.org[192.0.2.10]:25: "
                + "Connection timed out")));

        assertThat(m.kind()).isEqualTo(InboundKind.BOUNCED);
        assertThat(m.isHardBounce()).isFalse();
        assertThat(m.bounceClass()).isEqualTo(BounceClass.NOT_DELIVERED);
        assertThat(BounceClass.describe(m.dsnStatus())).isEqualTo("not delivered 4.4.7 (the server gave up)");
        assertThat(m.bounceReason()).startsWith("the server kept the letter in its queue and gave up (4.4.7): "
                + "X-Postfix; delivery temporarily suspended");
    }

    @Test
    void aFreeTextBounceFromAnExpiredQueueIsNotADelay() {
        DeliveryReport r = Bounces.freeText("MAILER-DAEMON@mx.example.net", "failure notice", """
                I'm sorry, I couldn't deliver your message and gave up after 5 days.
                <ana@example.org>: 451 4.4.7 delivery time expired
                """);

        assertThat(r.failed()).isTrue();
        assertThat(r.status()).isEqualTo("4.4.7");
        assertThat(r.reason()).isEqualTo("the server kept the letter in its queue and gave up (4.4.7): "
                + "<ana@example.org>: 451 4.4.7 delivery time expired");
    }

    /** Postfix's bounce(8) report: notification, delivery report, returned headers. */
    private static String postfix(String status, String recipientFields, String notice) {
        return """
                Return-Path: <>
                From: MAILER-DAEMON@mx.coalition.example.org (Mail Delivery System)
                Subject: Undelivered Mail Returned to Sender
                To: letters@coalition.example.org
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="3F1C2A0123.1764748800/mx.coalition.example.org"
                Message-Id: <20261203080000.3F1C2A0123.%s@mx.coalition.example.org>
                Date: Thu,  3 Dec 2026 08:00:00 +0000 (UTC)

                This is a MIME-encapsulated message.

                --3F1C2A0123.1764748800/mx.coalition.example.org
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mx.coalition.example.org.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                                   The mail system

                %s

                --3F1C2A0123.1764748800/mx.coalition.example.org
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.coalition.example.org
                X-Postfix-Queue-ID: 3F1C2A0123
                X-Postfix-Sender: rfc822; letters@coalition.example.org
                Arrival-Date: Thu, 26 Nov 2026 08:00:00 +0000 (UTC)

                Final-Recipient: rfc822; ana@example.org
                Original-Recipient: rfc822;ana@example.org
                %s
                --3F1C2A0123.1764748800/mx.coalition.example.org
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                Message-ID: %s
                From: Coalition Letters <letters@coalition.example.org>
                To: Ana <ana@example.org>
                Subject: A letter for Ana

                --3F1C2A0123.1764748800/mx.coalition.example.org--
                """.formatted(status, notice, recipientFields, LETTER_ID);
    }

    private static InboundMessage recorded(IncomingMail mail) {
        InboundKind kind = Classification.of(mail, true);
        return new InboundMessage(mail.key(), kind, mail.receivedAt(), mail.from(), mail.subject(), mail.snippet(),
                mail.report().action(), mail.report().status(), "original Message-ID",
                new RecipientRef(1, 1, "ana@example.org"), false, mail.report().reason());
    }

    private static IncomingMail parse(String raw) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        return MailParser.parse(m, NOW);
    }
}
