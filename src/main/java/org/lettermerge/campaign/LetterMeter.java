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
import org.lettermerge.template.Letter;

/**
 * A campaign's letters measured as they travel, two ways. {@link #exact} builds the MIME message (about 0.1 ms for a
 * 27 kB letter, as much again as rendering it). {@link #bound} is an upper bound from the merged text's length
 * alone, for preflight, which renders every row on every send: no encoding makes text more than 4 times longer
 * (quoted-printable at worst triples a byte, plus soft line breaks; RFC 2047 headers likewise), and the headers and
 * attachments are the same in every letter. The attachments' encoded share is measured once, on a stand-in letter
 * built with and without them: base64-encoding a 25 MB file for every recipient would take minutes. Thread-safe.
 */
final class LetterMeter {

    private static final int WORST_EXPANSION = 4;
    /** Room for what a stand-in lacks: a longer Date, folded headers, boundaries of another length. */
    private static final int SLACK = 4096;

    private final MessageFactory factory;
    private final String messageId;
    private final long attachmentBytes;
    private final long fixedBytes;

    LetterMeter(Campaign c) {
        Session session = Session.getInstance(new Properties());
        Sender sender = c.sender();
        this.factory = new MessageFactory(session, sender, List.of(), Clock.systemUTC());
        // The same length as the Message-ID each letter gets when queued.
        this.messageId = MessageIds.next(MessageIds.domainOf(sender.from()));
        Letter standIn = new Letter("", "", c.htmlTemplate() == null ? null : "", null);
        String to = sender.from().getAddress();
        long bare = MessageSize.of(factory.build(standIn, to, messageId));
        this.attachmentBytes = c.attachments().isEmpty() ? 0 : attachmentShare(c, session, standIn, to, bare);
        this.fixedBytes = bare + attachmentBytes + SLACK;
    }

    /**
     * What the attachments add to a letter: the body then sits inside a multipart/mixed beside them. 0 when one
     * cannot be read: preflight reports that, and measures nothing when there are errors.
     */
    private long attachmentShare(Campaign c, Session session, Letter standIn, String to, long bare) {
        var withThem = new MessageFactory(session, c.sender(), c.attachments(), Clock.systemUTC());
        try {
            return MessageSize.of(withThem.build(standIn, to, messageId)) - bare;
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }

    /** The letter's size as sent, attachments included; -1 for a letter preflight refuses anyway (a bad header). */
    long exact(Recipient r, Letter letter) {
        try {
            return MessageSize.of(factory.build(letter, r.email(), messageId)) + attachmentBytes;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /**
     * At least {@link #exact}, from lengths only, in constant time: a Java char is at most 3 bytes of UTF-8 (a
     * surrogate pair, two chars, is 4). Loose for ASCII text, which only means a closer look more often.
     */
    long bound(Recipient r, Letter letter) {
        long chars = length(letter.subject()) + length(letter.text()) + length(letter.html())
                + length(letter.toName()) + length(r.email());
        return fixedBytes + WORST_EXPANSION * 3 * chars;
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }

    /** Sums of letter sizes, largest first among equals by row; thread-safe. */
    static final class Tally {
        private int count;
        private long total;
        private long largest = -1;
        private int largestLine;
        private String largestEmail;
        private String largestWhere;

        synchronized void add(Recipient r, long bytes) {
            count++;
            total += bytes;
            // Among equals the earliest row, whatever order the parallel checks finish in.
            if (bytes > largest || bytes == largest && r.line() < largestLine) {
                largest = bytes;
                largestLine = r.line();
                largestEmail = r.email();
                largestWhere = r.where();
            }
        }

        synchronized int count() {
            return count;
        }

        synchronized LetterSizes sizes() {
            return count == 0 ? LetterSizes.NONE : new LetterSizes(count, total, largest, largestEmail, largestWhere);
        }
    }
}
