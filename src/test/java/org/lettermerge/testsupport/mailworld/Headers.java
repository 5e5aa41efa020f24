package org.lettermerge.testsupport.mailworld;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;

/** What a test looks at in a stored message, without checked exceptions, for use in predicates. */
public final class Headers {

    private Headers() {}

    /** The From address, lower-cased ("MAILER-DAEMON@..." becomes "mailer-daemon@..."). */
    public static String from(MimeMessage m) {
        try {
            return ((InternetAddress) m.getFrom()[0]).getAddress().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded subject, or "" when there is none. */
    public static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Content-Type with its parameters, lower-cased, e.g. "multipart/report; report-type=delivery-status; ...". */
    public static String contentType(MimeMessage m) {
        try {
            return m.getContentType().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
