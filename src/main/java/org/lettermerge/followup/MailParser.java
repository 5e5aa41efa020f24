package org.lettermerge.followup;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/** Reduces a message read from the mailbox to an {@link IncomingMail}. */
final class MailParser {

    private MailParser() {}

    /**
     * @param now when it was read: its time when the server gives no arrival date and the message no Date
     */
    static IncomingMail parse(Message message, Instant now) throws MessagingException, IOException {
        String subject = message.getSubject();
        String from = from(message);
        String text = MailText.of(message);
        DeliveryReport report = Bounces.standard(message);
        if (report == null) {
            report = Bounces.freeText(from, subject, text);
        }
        return new IncomingMail(key(message), from, subject, arrival(message, now),
                MessageIdList.parse(AutoReplies.header(message, "In-Reply-To")),
                MessageIdList.parse(String.join(" ", headers(message, "References"))),
                AutoReplies.isAutomatic(message, subject), text, report, deliveredTo(message));
    }

    /** What can be kept of a message whose content cannot be parsed: its headers, and why. */
    static IncomingMail unreadable(Message message, Instant now, Exception why) throws MessagingException {
        return new IncomingMail(key(message), from(message), message.getSubject(), arrival(message, now), List.of(),
                List.of(), false, "(Lettermerge could not read this message: " + why.getMessage() + ")", null,
                deliveredTo(message));
    }

    /**
     * Every address the message was delivered to. Delivered-To, X-Original-To and Envelope-To are added by the
     * receiving server from the SMTP envelope (RFC 9228, Postfix, Exim); To and Cc cover servers that add none.
     * Kept as written, unparsed: only the +TOKEN@ part is looked for, and a malformed header must not lose it.
     */
    static List<String> deliveredTo(Message message) throws MessagingException {
        List<String> addresses = new ArrayList<>();
        for (String name : List.of("Delivered-To", "X-Original-To", "Envelope-To", "To", "Cc")) {
            addresses.addAll(headers(message, name));
        }
        return addresses;
    }

    /**
     * The incoming Message-ID; without one, a hash of every header line, which the server returns unchanged on
     * every reading, so the same message gets the same key.
     */
    static String key(Message message) throws MessagingException {
        List<String> ids = MessageIdList.parse(AutoReplies.header(message, "Message-ID"));
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (message instanceof MimeMessage mime) {
                for (String line : Collections.list(mime.getAllHeaderLines())) {
                    sha.update(line.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant arrival(Message message, Instant now) throws MessagingException {
        if (message.getReceivedDate() != null) {
            return message.getReceivedDate().toInstant();
        }
        return message.getSentDate() != null ? message.getSentDate().toInstant() : now;
    }

    private static String from(Message message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException e) {
            // An unparseable From is still worth keeping as written.
            return AutoReplies.header(message, "From");
        }
        if (from == null || from.length == 0) {
            return null;
        }
        return from[0] instanceof InternetAddress a ? a.getAddress() : from[0].toString();
    }

    private static List<String> headers(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? List.of() : List.of(values);
    }
}
