package org.lettermerge.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One message read from the organizers' mailbox, as recorded.
 *
 * @param key       the incoming Message-ID, or a hash of its headers when it has none: the same mail read twice
 *                  has the same key
 * @param recipient the recipient row it is about, or null when unmatched
 * @param dsnAction the delivery report's Action (failed, delayed, ...), or null for other mail
 * @param dsnStatus the delivery report's status code (e.g. 5.1.1), or null
 * @param matchedBy how it was tied to the recipient, e.g. "In-Reply-To", or null
 * @param asksUnsubscribe a person's message whose subject or first lines ask to unsubscribe: flagged for the
 *                  organizer, never acted on by Lettermerge
 * @param bounceReason why a bounce says the letter did not arrive, in words (a Diagnostic-Code, a rejection
 *                  notice's text), or null
 */
public record InboundMessage(String key, InboundKind kind, Instant receivedAt, String from, String subject,
                             String snippet, String dsnAction, String dsnStatus, String matchedBy,
                             RecipientRef recipient, boolean asksUnsubscribe, String bounceReason) {

    public InboundMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if ((recipient == null) != (kind == InboundKind.UNMATCHED)) {
            throw new IllegalArgumentException("a message has a recipient exactly when it is not UNMATCHED");
        }
    }

    /** A message without a bounce reason. */
    public InboundMessage(String key, InboundKind kind, Instant receivedAt, String from, String subject,
                          String snippet, String dsnAction, String dsnStatus, String matchedBy, RecipientRef recipient,
                          boolean asksUnsubscribe) {
        this(key, kind, receivedAt, from, subject, snippet, dsnAction, dsnStatus, matchedBy, recipient,
                asksUnsubscribe, null);
    }

    /** A message that does not ask to unsubscribe. */
    public InboundMessage(String key, InboundKind kind, Instant receivedAt, String from, String subject,
                          String snippet, String dsnAction, String dsnStatus, String matchedBy, RecipientRef recipient) {
        this(key, kind, receivedAt, from, subject, snippet, dsnAction, dsnStatus, matchedBy, recipient, false);
    }

    /**
     * RFC 3463: a 5.x.x status is permanent, and the address goes on the suppression list. Except 5.2.2, mailbox
     * full: permanent for this letter, but the mailbox usually empties again, so it is no reason to stop writing.
     */
    public boolean isHardBounce() {
        return bounceClass() == BounceClass.HARD;
    }

    /** What kind of bounce this is, or null when it is not one. */
    public BounceClass bounceClass() {
        return kind == InboundKind.BOUNCED ? BounceClass.of(dsnStatus) : null;
    }
}
