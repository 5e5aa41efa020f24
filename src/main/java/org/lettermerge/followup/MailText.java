package org.lettermerge.followup;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The readable text of a message: its text parts, and the returned headers or message a bounce carries (where the
 * letter's Message-ID is), capped so that a large attachment cannot fill memory.
 */
final class MailText {

    static final int LIMIT = 64 * 1024;

    private MailText() {}

    static String of(Part message) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        append(message, text);
        return text.length() <= LIMIT ? text.toString() : text.substring(0, LIMIT);
    }

    private static void append(Part part, StringBuilder text) throws MessagingException, IOException {
        if (text.length() >= LIMIT || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                && !part.isMimeType("message/*") && !part.isMimeType("text/rfc822-headers")) {
            return;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart parts) {
            boolean alternative = part.isMimeType("multipart/alternative");
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                // Of text and HTML alternatives, the text one says the same thing.
                if (alternative && child.isMimeType("text/html") && text.length() > 0) {
                    continue;
                }
                append(child, text);
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent()).append('\n');
        } else if (part.isMimeType("text/html")) {
            text.append(part.getContent().toString().replaceAll("(?s)<(script|style).*?</\\1>", " ")
                    .replaceAll("<[^>]+>", " ")).append('\n');
        } else if (part.isMimeType("message/*") || part.isMimeType("text/rfc822-headers")) {
            text.append(raw(part)).append('\n');
        }
    }

    private static String raw(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(LIMIT), StandardCharsets.UTF_8);
        }
    }
}
