package org.lettermerge.testsupport;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * One message the scripted server accepted (its reply to the final "." was 2yz).
 *
 * @param connection  1-based number of the connection it arrived on
 * @param transaction 0-based, server-wide number of the MAIL FROM that began it
 * @param raw         the message bytes with dot-stuffing undone, lines ending in CRLF
 */
public record ReceivedMessage(int connection, int transaction, String envelopeFrom, List<String> recipients, byte[] raw) {

    public ReceivedMessage {
        Objects.requireNonNull(envelopeFrom, "envelopeFrom");
        recipients = List.copyOf(recipients);
        raw = raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    public MimeMessage toMimeMessage() {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException("received bytes are not a MIME message", e);
        }
    }

    @Override
    public String toString() {
        return "ReceivedMessage[connection=" + connection + ", transaction=" + transaction
                + ", from=" + envelopeFrom + ", to=" + recipients + ", " + raw.length + " bytes]";
    }
}
