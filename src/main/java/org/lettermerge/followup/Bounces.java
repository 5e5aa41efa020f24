package org.lettermerge.followup;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

/**
 * Reads bounces: RFC 3464 reports (multipart/report; report-type=delivery-status) with Angus {@code dsn}, and
 * free-text ones from a mailer daemon, where the letter's Message-ID or address and a status code may be in the text.
 */
final class Bounces {

    private static final Pattern STATUS = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
    private static final Pattern DELAY = Pattern.compile(
            "(?i)\\b(delayed|will (continue to )?retry|not yet been delivered|still trying)\\b");
    private static final Pattern DAEMON_SUBJECT = Pattern.compile("(?i)(undeliver|delivery status notification|"
            + "delivery failure|mail delivery failed|returned mail|failure notice|delivery has failed|unzustellbar|"
            + "non remis|no se puede entregar)");
    /** Ranks actions so that one failed recipient outweighs a delayed or delivered one in the same report. */
    private static final List<String> SEVERITY = List.of("failed", "delayed");

    private Bounces() {}

    /** The report in a multipart/report; report-type=delivery-status message, or null for any other message. */
    static DeliveryReport standard(Part message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report") || !(message.getContent() instanceof Multipart parts)) {
            return null;
        }
        String action = null;
        String status = null;
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
                    }
                    address(value(fields, "Final-Recipient")).ifPresent(recipients::add);
                    address(value(fields, "Original-Recipient")).ifPresent(recipients::add);
                }
            } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")
                    || part.isMimeType("message/rfc822-headers")) {
                // Either way the returned letter's header block comes first: that is all we need from it.
                InternetHeaders returned = new InternetHeaders(part.getInputStream());
                originalIds.addAll(MessageIdList.parse(returned.getHeader("Message-ID", " ")));
            }
        }
        if (!delivery) {
            return null;
        }
        return new DeliveryReport(action == null ? "failed" : action.toLowerCase(Locale.ROOT), status,
                List.copyOf(recipients), List.copyOf(originalIds), true);
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
        boolean delayed = (code != null && code.startsWith("4.")) || (code == null && DELAY.matcher(text).find());
        return new DeliveryReport(delayed ? "delayed" : "failed", code, List.of(), MessageIdList.parse(text), false);
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
    private static java.util.Optional<String> address(String field) {
        if (field == null) {
            return java.util.Optional.empty();
        }
        int semi = field.indexOf(';');
        String address = (semi < 0 ? field : field.substring(semi + 1)).strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1);
        }
        return address.contains("@") ? java.util.Optional.of(address) : java.util.Optional.empty();
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
