package org.lettermerge.testsupport.mailworld;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Date;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Writes a reply the way a person's mail client does (mutt, Thunderbird): to the Reply-To or From of the message
 * received, "Re: " before its subject, the received text quoted below, and, unless the client (or a webmail
 * forwarder on the way) drops them, In-Reply-To and References naming the message answered (RFC 5322 3.6.4).
 */
public final class MailClient {

    /** Whether the reply carries the threading headers. */
    public enum Threading { IN_REPLY_TO_AND_REFERENCES, NONE }

    private static final Session SESSION = Session.getInstance(new Properties());

    private MailClient() {}

    /** A reply from {@code from} ("Name <address>") to {@code received}, saying {@code text}. */
    public static MimeMessage reply(MimeMessage received, String from, String text, Threading threading) {
        try {
            MimeMessage reply = new MimeMessage(SESSION);
            reply.setFrom(new InternetAddress(from, true));
            reply.setRecipients(Message.RecipientType.TO, received.getReplyTo());
            String subject = received.getSubject();
            reply.setSubject(subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject, "UTF-8");
            reply.setSentDate(new Date());
            if (threading == Threading.IN_REPLY_TO_AND_REFERENCES) {
                String id = received.getMessageID();
                String earlier = received.getHeader("References", " ");
                reply.setHeader("In-Reply-To", id);
                reply.setHeader("References", earlier == null ? id : earlier + " " + id);
            }
            String quoted = ((String) received.getContent()).replace("\r\n", "\n").lines()
                    .map(l -> l.isEmpty() ? ">" : "> " + l).collect(Collectors.joining("\n"));
            reply.setText(text + "\n\n" + received.getFrom()[0] + " wrote:\n" + quoted + "\n", "UTF-8");
            return reply;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot write a reply to " + e.getMessage(), e);
        }
    }
}
