package org.lettermerge.testsupport;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The decoded text/plain and text/html parts of a received message, wherever they sit in its MIME tree. */
public final class MimeParts {

    private MimeParts() {}

    public static String text(Part message) {
        return find(message, "text/plain");
    }

    public static String html(Part message) {
        return find(message, "text/html");
    }

    /** The one To address of a letter (each letter has exactly one: its recipient). */
    public static InternetAddress to(Message message) {
        try {
            return (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An .eml file as the message a mail client would open; fails if it does not parse. */
    public static MimeMessage parse(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            message.getContent();
            return message;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(eml + " is not a parseable message: " + e.getMessage(), e);
        }
    }

    private static String find(Part part, String type) {
        try {
            if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = find(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
