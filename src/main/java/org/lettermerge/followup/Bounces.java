package org.lettermerge.followup;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

/**
 * Reads bounces: RFC 3464 reports (multipart/report; report-type=delivery-status) with Angus {@code dsn}, RFC 5429
 * rejection notices (a Sieve {@code reject}: a disposition-notification whose disposition is "deleted"), any other
 * multipart/report that gives no status, and free-text ones from a mailer daemon, where the letter's Message-ID or
 * address and a status code may be in the text.
 */
final class Bounces {

    private static final Pattern STATUS = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
    private static final Pattern DELAY = Pattern.compile(
            "(?i)\\b(delayed|will (continue to )?retry|not yet been delivered|still trying)\\b");
    /** A queue that gave up: the report is final even though its status is 4.x.x (RFC 3463 4.4.7). */
    private static final Pattern EXPIRED = Pattern.compile(
            "(?i)(delivery time expired|message expired|too long in (the )?queue|gave up|giving up|"
                    + "could not be delivered for \\d+ days|retry timeout exceeded)");
    private static final Pattern DAEMON_SUBJECT = Pattern.compile("(?i)(undeliver|delivery status notification|"
            + "delivery failure|mail delivery failed|returned mail|failure notice|delivery has failed|unzustellbar|"
            + "non remis|no se puede entregar)");
    /** RFC 8098 3.2.6.2: these dispositions mean the message was not read (RFC 5429 2.1: a reject is "deleted"). */
    private static final Pattern NOT_READ = Pattern.compile("(?i);\\s*(deleted|denied|failed)\\b");
    /** Ranks actions so that one failed recipient outweighs a delayed or delivered one in the same report. */
    private static final List<String> SEVERITY = List.of("failed", "delayed");

    private Bounces() {}

    /**
     * The report in a multipart/report message, or null for any other message and for a read receipt (a
     * disposition-notification saying the letter was displayed: a program answering, not a bounce).
     */
    static DeliveryReport standard(Part message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report") || !(message.getContent() instanceof Multipart parts)) {
            return null;
        }
        String action = null;
        String status = null;
        String diagnostic = null;
        String disposition = null;
        String text = null;
        Set<String> recipients = new LinkedHashSet<>();
        Set<String> originalIds = new LinkedHashSet<>();
        boolean delivery = false;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                delivery = true;
                DeliveryStatus dsn = new DeliveryStatus(part.getInputStream());
                for (int r = 0; r < dsn.getRecipientDSNCount(); r++) {
                    InternetHeaders fields = dsn.getRecipientDSN(r);
                    String a = value(fields, "Action");
                    if (action == null || rank(a) < rank(action)) {
                        action = a;
                        status = value(fields, "Status");
                        diagnostic = value(fields, "Diagnostic-Code");
                    }
                    address(value(fields, "Final-Recipient")).ifPresent(recipients::add);
                    address(value(fields, "Original-Recipient")).ifPresent(recipients::add);
                }
            } else if (part.isMimeType("message/disposition-notification")
                    || part.isMimeType("message/global-disposition-notification")) {
                InternetHeaders fields = new InternetHeaders(part.getInputStream());
                disposition = value(fields, "Disposition");
                address(value(fields, "Final-Recipient")).ifPresent(recipients::add);
                address(value(fields, "Original-Recipient")).ifPresent(recipients::add);
                originalIds.addAll(MessageIdList.parse(value(fields, "Original-Message-ID")));
            } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")
                    || part.isMimeType("message/rfc822-headers")) {
                // Either way the returned letter's header block comes first: that is all we need from it.
                InternetHeaders returned = new InternetHeaders(part.getInputStream());
                originalIds.addAll(MessageIdList.parse(returned.getHeader("Message-ID", " ")));
            } else if (text == null && part.isMimeType("text/plain")) {
                text = MailText.of(part);
            }
        }
        if (delivery) {
            String a = action == null ? "failed" : action.strip().toLowerCase(Locale.ROOT);
            return new DeliveryReport(a, status, List.copyOf(recipients), List.copyOf(originalIds), true,
                    reason(a, status, diagnostic));
        }
        if (disposition != null) {
            if (!NOT_READ.matcher(disposition).find()) {
                return null;
            }
            // RFC 5429: the recipient's mail filter refused the letter; its text says why, in the owner's words.
            return new DeliveryReport("failed", null, List.copyOf(recipients), List.copyOf(originalIds), true,
                    "rejected by the recipient's mail filter (" + disposition + ")"
                            + (text == null || text.isBlank() ? "" : ": " + oneLine(text)));
        }
        String type = new ContentType(message.getContentType()).getParameter("report-type");
        return new DeliveryReport("failed", null, List.copyOf(recipients), List.copyOf(originalIds), true,
                "a report (report-type=" + type + ") that gives no delivery status"
                        + (text == null || text.isBlank() ? "" : ": " + oneLine(text)));
    }

    /** A free-text bounce from a mailer daemon or postmaster, or null when the message does not look like one. */
    static DeliveryReport freeText(String from, String subject, String text) {
        String local = from == null ? "" : from.toLowerCase(Locale.ROOT).split("@")[0];
        boolean daemon = local.equals("mailer-daemon") || local.equals("postmaster")
                || subject != null && DAEMON_SUBJECT.matcher(subject).find();
        if (!daemon) {
            return null;
        }
        Matcher status = STATUS.matcher(text);
        String code = status.find() ? status.group(1) : null;
        boolean expired = EXPIRED.matcher(text).find();
        boolean delayed = !expired
                && ((code != null && code.startsWith("4.")) || (code == null && DELAY.matcher(text).find()));
        String action = delayed ? "delayed" : "failed";
        Matcher line = Pattern.compile("(?m)^.*\\b" + (code == null ? "(?!x)x" : Pattern.quote(code)) + "\\b.*$")
                .matcher(text);
        return new DeliveryReport(action, code, List.of(), MessageIdList.parse(text), false,
                reason(action, code, line.find() ? line.group().strip() : expired ? "the server gave up" : null));
    }

    /** In words: the server's diagnostic when given, else what the status alone says. */
    private static String reason(String action, String status, String diagnostic) {
        if (!"failed".equals(action)) {
            return diagnostic == null ? null : oneLine(diagnostic);
        }
        String why = diagnostic == null ? "" : ": " + oneLine(diagnostic);
        if (status == null) {
            return "the report gives no status code" + why;
        }
        if (status.startsWith("4.")) {
            return "the server kept the letter in its queue and gave up (" + status + ")" + why;
        }
        if (status.equals("5.2.2")) {
            return "mailbox full" + why;
        }
        return diagnostic == null ? null : oneLine(diagnostic);
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }

    private static int rank(String action) {
        int i = action == null ? -1 : SEVERITY.indexOf(action.strip().toLowerCase(Locale.ROOT));
        return i < 0 ? SEVERITY.size() : i;
    }

    private static String value(InternetHeaders fields, String name) {
        String v = fields.getHeader(name, null);
        return v == null ? null : v.strip();
    }

    /** "rfc822; ana@example.org" → ana@example.org (RFC 3464 2.3.2: address-type ";" generic-address). */
    private static Optional<String> address(String field) {
        if (field == null) {
            return Optional.empty();
        }
        int semi = field.indexOf(';');
        String address = (semi < 0 ? field : field.substring(semi + 1)).strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1);
        }
        return address.contains("@") ? Optional.of(address) : Optional.empty();
    }

    static List<String> addressesIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
