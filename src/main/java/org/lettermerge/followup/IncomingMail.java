package org.lettermerge.followup;

import java.time.Instant;
import java.util.List;

/**
 * One message from the mailbox, reduced to what matching and classifying need.
 *
 * @param key        its Message-ID, or "sha256:" of its header lines when it has none (stable between readings)
 * @param inReplyTo  Message-IDs in In-Reply-To, as written
 * @param references Message-IDs in References, as written, oldest first
 * @param automatic  its headers or subject say a program wrote it (Auto-Submitted, X-Autoreply, Precedence, ...)
 * @param text       its readable text (capped), searched for the letter's Message-ID or address in free-text bounces
 * @param report     the delivery report it carries, or null when it is not a bounce
 * @param deliveredTo the addresses it was delivered to (To, Cc, Delivered-To, X-Original-To, Envelope-To), where a
 *                    bounce to a VERP envelope sender (bounces+TOKEN@domain) shows the token
 */
public record IncomingMail(String key, String from, String subject, Instant receivedAt, List<String> inReplyTo,
                           List<String> references, boolean automatic, String text, DeliveryReport report,
                           List<String> deliveredTo) {

    public IncomingMail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        deliveredTo = List.copyOf(deliveredTo);
    }

    /** The first words of the text, on one line. */
    public String snippet() {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 199) + "…";
    }
}
