package org.lettermerge.campaign;

import jakarta.mail.Session;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.lettermerge.message.MessageFactory;
import org.lettermerge.message.MessageIds;
import org.lettermerge.message.MessageSize;
import org.lettermerge.message.Sender;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.schedule.MessageSizeLimit;
import org.lettermerge.template.Letter;

/**
 * Measures each letter as preflight renders it, keeping sums, not rows (recipient lists are never all held). The
 * attachments are the same in every letter, so each letter is built without them and their encoded share is
 * measured once, up front, on a stand-in letter built with and without them: base64-encoding a 25 MB file for every
 * recipient would make preflight take minutes. Thread-safe: rows are checked in parallel.
 */
final class LetterMeter {

    private final MessageFactory factory;
    private final String messageId;
    private final long attachmentBytes;
    private final MessageSizeLimit limit;
    private int count;
    private long total;
    private long largest = -1;
    private int largestLine;
    private String largestEmail;
    private String largestWhere;
    private int over;

    /** @param limit counts the letters over it (the provider's) */
    LetterMeter(Campaign c, MessageSizeLimit limit) {
        Session session = Session.getInstance(new Properties());
        Sender sender = c.sender();
        this.factory = new MessageFactory(session, sender, List.of(), Clock.systemUTC());
        this.limit = limit;
        // The same length as the Message-ID each letter gets when queued.
        this.messageId = MessageIds.next(MessageIds.domainOf(sender.from()));
        this.attachmentBytes = c.attachments().isEmpty() ? 0 : attachmentShare(c, session);
    }

    /**
     * What the attachments add to a letter: the body then sits inside a multipart/mixed beside them. 0 when one
     * cannot be read: preflight reports that, and reports no sizes when there are errors.
     */
    private long attachmentShare(Campaign c, Session session) {
        Letter standIn = new Letter("-", "-", c.htmlTemplate() == null ? null : "-", null);
        String to = c.sender().from().getAddress();
        var withThem = new MessageFactory(session, c.sender(), c.attachments(), Clock.systemUTC());
        try {
            return MessageSize.of(withThem.build(standIn, to, messageId))
                    - MessageSize.of(factory.build(standIn, to, messageId));
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }

    void measure(Recipient r, Letter letter) {
        long bytes;
        try {
            bytes = MessageSize.of(factory.build(letter, r.email(), messageId)) + attachmentBytes;
        } catch (IllegalArgumentException e) {
            return; // a header value preflight refuses anyway: that row has its own problem
        }
        synchronized (this) {
            count++;
            total += bytes;
            if (limit.exceededBy(bytes)) {
                over++;
            }
            // Among equals the earliest row, whatever order the parallel checks finish in.
            if (bytes > largest || bytes == largest && r.line() < largestLine) {
                largest = bytes;
                largestLine = r.line();
                largestEmail = r.email();
                largestWhere = r.where();
            }
        }
    }

    synchronized LetterSizes sizes() {
        return count == 0 ? LetterSizes.NONE : new LetterSizes(count, total, largest, largestEmail, largestWhere);
    }

    /** How many letters are over the limit given to the constructor. */
    synchronized int countOver() {
        return over;
    }
}
