package org.lettermerge.message;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lettermerge.recipients.Addresses;
import org.lettermerge.template.Letter;

/** Turns a rendered letter into a MIME message for one recipient. A Session may be shared; a message belongs to one send. */
public final class MessageFactory {

    private static final String UTF_8 = "UTF-8";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "txt", "text/plain",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg");

    static {
        // Jakarta Mail finds its StreamProvider anew for every part it encodes or writes, by default through a
        // ServiceLoader that rereads the jar's service files each time (7% of a benchmark send). Naming Angus's
        // provider, the one that lookup finds anyway, turns that into a constructor call.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Session session;
    private final Sender sender;
    private final List<Path> attachments;
    private final Clock clock;

    public MessageFactory(Session session, Sender sender, List<Path> attachments, Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.attachments = List.copyOf(attachments);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param messageId the stored {@code <id@domain>}; it survives every later saveChanges()
     * @throws IllegalArgumentException a header value holds a line break or control character, or the address is
     *                                  invalid: preflight must have refused it, so this is a bug, not an input problem
     */
    public MimeMessage build(Letter letter, String toAddress, String messageId) {
        return build(letter, toAddress, messageId, BodyEncoding.SEVEN_BIT);
    }

    /**
     * How text may travel. RFC 6152: a server that advertises 8BITMIME takes UTF-8 text as it is, which spares
     * encoding every letter as quoted-printable byte by byte (a quarter of the benchmark's CPU); without it, text
     * is quoted-printable or base64.
     */
    public enum BodyEncoding { SEVEN_BIT, EIGHT_BIT_ALLOWED }

    public MimeMessage build(Letter letter, String toAddress, String messageId, BodyEncoding encoding) {
        return build(letter, toAddress, messageId, encoding, List.of());
    }

    /**
     * A letter that answers earlier ones (a reminder): RFC 5322 3.6.4 — {@code In-Reply-To} names the message it
     * answers (the last of {@code references}), {@code References} the thread, oldest first — so the reader's mail
     * program shows it in the same conversation.
     *
     * @param references the Message-IDs ({@code <id@domain>}) of the thread, oldest first; empty for a new letter
     */
    public MimeMessage build(Letter letter, String toAddress, String messageId, BodyEncoding encoding,
                             List<String> references) {
        requireHeaderSafe("Message-ID", messageId);
        for (String id : references) {
            requireHeaderSafe("References", id);
        }
        requireHeaderSafe("Subject", letter.subject());
        requireHeaderSafe("To", toAddress);
        if (letter.toName() != null) {
            requireHeaderSafe("To display name", letter.toName());
        }
        try {
            FixedIdMimeMessage message = new FixedIdMimeMessage(session, messageId);
            message.setFrom(sender.from());
            if (sender.bounceAddress() != null) {
                message.setEnvelopeFrom(BounceToken.envelopeFrom(sender.bounceAddress(), messageId));
            }
            if (sender.replyTo() != null) {
                message.setReplyTo(new InternetAddress[] {sender.replyTo()});
            }
            message.setRecipient(MimeMessage.RecipientType.TO, to(toAddress, letter.toName()));
            if (sender.listUnsubscribe() != null) {
                message.setHeader("List-Unsubscribe", listUnsubscribe(sender.listUnsubscribe()));
            }
            if (!references.isEmpty()) {
                message.setHeader("In-Reply-To", references.get(references.size() - 1));
                message.setHeader("References", String.join(" ", references));
            }
            message.setSubject(letter.subject(), UTF_8);
            message.setSentDate(Date.from(clock.instant()));
            fillBody(message, letter, encoding);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the message for " + toAddress + ": " + e.getMessage(), e);
        }
    }

    /**
     * RFC 2369 3.2: {@code <mailto:ADDRESS?subject=unsubscribe>}, so a mail client's "unsubscribe" button writes a
     * message the organizer recognises. No List-Unsubscribe-Post: RFC 8058 one-click (section 3.1) requires an HTTPS
     * URI in List-Unsubscribe, and with only a mailto: URI a receiver must ignore it (or, worse, treat the letter as
     * malformed); mailto: unsubscribing needs no web server on our side.
     */
    static String listUnsubscribe(InternetAddress mailbox) {
        String value = "<mailto:" + mailtoAddress(mailbox.getAddress()) + "?subject=unsubscribe>";
        requireHeaderSafe("List-Unsubscribe", value);
        return value;
    }

    /**
     * RFC 6068 2: characters of an address that are not allowed as they are in a mailto: URI (e.g. "%", "?", "#"
     * in a quoted local part) are percent-encoded. Addresses reach here ASCII-only (Addresses.parseStrict).
     */
    private static String mailtoAddress(String address) {
        StringBuilder out = new StringBuilder(address.length());
        for (char c : address.toCharArray()) {
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$'()*+,;=:@".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", (int) c & 0xFF));
            }
        }
        return out.toString();
    }

    private static InternetAddress to(String address, String name) {
        try {
            InternetAddress to = Addresses.parseStrict(address);
            if (name != null && !name.isBlank()) {
                // RFC 2047 encoded-words: non-ASCII names survive servers without SMTPUTF8.
                to.setPersonal(name, UTF_8);
            }
            return to;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("not a usable To address: " + address, e);
        }
    }

    private void fillBody(MimeMessage message, Letter letter, BodyEncoding encoding) throws MessagingException {
        if (attachments.isEmpty()) {
            if (letter.html() == null) {
                setText(message, letter.text(), "plain", encoding);
            } else {
                message.setContent(alternative(letter, encoding));
            }
            return;
        }
        MimeBodyPart body = new MimeBodyPart();
        if (letter.html() == null) {
            setText(body, letter.text(), "plain", encoding);
        } else {
            body.setContent(alternative(letter, encoding));
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        for (Path file : attachments) {
            mixed.addBodyPart(attachment(file));
        }
        message.setContent(mixed);
    }

    // RFC 2046 5.1.4: the last alternative is the preferred one, so plain text comes first.
    private static MimeMultipart alternative(Letter letter, BodyEncoding encoding) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        setText(text, letter.text(), "plain", encoding);
        MimeBodyPart html = new MimeBodyPart();
        setText(html, letter.html(), "html", encoding);
        return new MimeMultipart("alternative", text, html);
    }

    private static MimeBodyPart attachment(Path file) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        try {
            part.attachFile(file.toFile(), contentType(file), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot attach " + file, e);
        }
        // Angus encodes a non-ASCII file name as an RFC 2231 parameter.
        part.setFileName(file.getFileName().toString());
        return part;
    }

    /**
     * Sets a text part with its Content-Transfer-Encoding chosen here: 8bit where the server allows it and every
     * line fits SMTP's 998-octet limit, otherwise by the rule Angus would apply (base64 when most characters are not
     * ASCII, quoted-printable otherwise). Left to Angus, every letter's text is encoded once more just to choose.
     */
    private static void setText(jakarta.mail.internet.MimePart part, String text, String subtype,
                                BodyEncoding encoding) throws MessagingException {
        WireText wire = WireText.of(text);
        String type = "text/" + subtype + "; charset=" + UTF_8;
        part.setDataHandler(new DataHandler(new TextBytes(wire.bytes(), type)));
        part.setHeader("Content-Type", type);
        String transfer = encoding == BodyEncoding.EIGHT_BIT_ALLOWED && wire.fitsEightBit() ? "8bit"
                : wire.mostlyAscii() ? "quoted-printable" : "base64";
        part.setHeader("Content-Transfer-Encoding", transfer);
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void requireHeaderSafe(String header, String value) {
        Objects.requireNonNull(value, header);
        if (Addresses.hasControlCharacters(value)) {
            throw new IllegalArgumentException(header + " contains a line break or control character");
        }
    }
}
