package org.lettermerge.followup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.lettermerge.store.InboundKind;

/** Reading one message: automatic replies told from people, bounces read, stable keys without a Message-ID. */
class MailParserTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private static IncomingMail parse(String raw) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        return MailParser.parse(m, NOW);
    }

    private static String reply(String extraHeaders, String subject) {
        return """
                From: someone@example.org
                Subject: %s
                Message-ID: <R1@Example.org>
                In-Reply-To: <abc@coalition.example.org>
                %s
                Thanks.
                """.formatted(subject, extraHeaders.isEmpty() ? "" : extraHeaders + "\n");
    }

    @Test
    void aPersonsReplyIsNotAutomaticAndItsKeyIsItsMessageIdAsWritten() throws Exception {
        IncomingMail mail = parse(reply("", "Re: A letter for you"));

        assertThat(mail.automatic()).isFalse();
        assertThat(mail.key()).isEqualTo("<R1@Example.org>");
        assertThat(mail.inReplyTo()).containsExactly("<abc@coalition.example.org>");
        assertThat(Classification.of(mail, true)).isEqualTo(InboundKind.REPLIED);
    }

    @Test
    void autoSubmittedNoIsAPerson() throws Exception {
        assertThat(parse(reply("Auto-Submitted: no", "Re: hello")).automatic()).isFalse();
    }

    @Test
    void headersAndTypicalSubjectsMarkAutomaticReplies() throws Exception {
        assertThat(parse(reply("Auto-Submitted: auto-replied", "Re: hello")).automatic()).isTrue();
        assertThat(parse(reply("X-Autoreply: yes", "Re: hello")).automatic()).isTrue();
        assertThat(parse(reply("X-Autorespond: yes", "Re: hello")).automatic()).isTrue();
        assertThat(parse(reply("Precedence: bulk", "Re: hello")).automatic()).isTrue();
        assertThat(parse(reply("", "Out of Office: back on Monday")).automatic()).isTrue();
        assertThat(parse(reply("", "Abwesenheitsnotiz")).automatic()).isTrue();
        assertThat(parse(reply("", "=?UTF-8?Q?R=C3=A9ponse_automatique?=: lettre")).automatic()).isTrue();
        assertThat(Classification.of(parse(reply("", "Automatic reply: lettre")), true))
                .isEqualTo(InboundKind.AUTO_REPLY);
    }

    @Test
    void aMessageWithoutMessageIdGetsTheSameKeyEachTime() throws Exception {
        String raw = """
                From: someone@example.org
                Subject: no id

                Hello.
                """;

        assertThat(parse(raw).key()).startsWith("sha256:").isEqualTo(parse(raw).key());
        assertThat(parse(raw.replace("no id", "other")).key()).isNotEqualTo(parse(raw).key());
    }

    @Test
    void aFreeTextDelayNoticeIsDelayedNotBounced() throws Exception {
        IncomingMail mail = parse("""
                From: postmaster@mx.example.net
                Subject: Delivery Status Notification (Delay)

                Delivery to the following recipient has been delayed: 451 4.4.1 no answer from host.
                Message-ID: <abc@coalition.example.org>
                """);

        assertThat(mail.report().standard()).isFalse();
        assertThat(mail.report().status()).isEqualTo("4.4.1");
        assertThat(mail.report().originalMessageIds()).containsExactly("<abc@coalition.example.org>");
        assertThat(Classification.of(mail, true)).isEqualTo(InboundKind.DELAYED);
    }

    @Test
    void aReportWhoseRecipientsMixDeliveredAndFailedIsABounceWithTheFailedStatus() throws Exception {
        IncomingMail mail = parse("""
                From: MAILER-DAEMON@mx.example.net
                Subject: Delivery report
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B"

                --B
                Content-Type: text/plain

                See below.
                --B
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                Final-Recipient: rfc822; a@example.org
                Action: delivered
                Status: 2.0.0

                Final-Recipient: rfc822;<b@example.org>
                Original-Recipient: rfc822; b.old@example.org
                Action: failed
                Status: 5.7.1

                --B
                Content-Type: message/rfc822

                Message-ID: <abc@coalition.example.org>
                Subject: A letter

                Body of the letter.
                --B--
                """);

        assertThat(mail.report().action()).isEqualTo("failed");
        assertThat(mail.report().status()).isEqualTo("5.7.1");
        assertThat(mail.report().recipients()).containsExactly("a@example.org", "b@example.org", "b.old@example.org");
        assertThat(mail.report().originalMessageIds()).containsExactly("<abc@coalition.example.org>");
        assertThat(Classification.of(mail, true)).isEqualTo(InboundKind.BOUNCED);
        assertThat(Classification.of(mail, false)).isEqualTo(InboundKind.UNMATCHED);
    }
}
