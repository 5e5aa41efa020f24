package org.lettermerge.followup;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lettermerge.store.InboundMessage;

/**
 * What came back for one letter: when a person first replied, the first automatic reply, and the last bounce with
 * its status code. Delays are not shown here: they are notes in the history, not outcomes.
 *
 * @param asksUnsubscribe some reply asked to unsubscribe: for the organizer to review (and `suppress add`)
 * @param bounceReason    the last bounce's reason in words (a Diagnostic-Code, a rejection notice's text), or null
 */
public record Responses(Instant repliedAt, Instant autoReplyAt, Instant bouncedAt, String bounceStatus,
                        boolean asksUnsubscribe, String bounceReason) {

    public static final Responses NONE = new Responses(null, null, null, null, false, null);

    /**
     * The bounce as one short value: its status code, or, for a report that gives none (a Sieve rejection notice),
     * its reason; null when nothing bounced.
     */
    public String bounceSummary() {
        return bounceStatus != null ? bounceStatus : bounceReason;
    }

    public boolean replied() {
        return repliedAt != null;
    }

    public boolean autoReplied() {
        return autoReplyAt != null;
    }

    public boolean bounced() {
        return bouncedAt != null;
    }

    /** By recipient row id, from a campaign's recorded mail (oldest first). */
    public static Map<Long, Responses> byRecipient(List<InboundMessage> messages) {
        Map<Long, Responses> all = new HashMap<>();
        for (InboundMessage m : messages) {
            if (m.recipient() != null) {
                all.merge(m.recipient().id(), NONE.with(m), (old, none) -> old.with(m));
            }
        }
        return all;
    }

    private Responses with(InboundMessage m) {
        Responses next = withKind(m);
        return m.asksUnsubscribe() && !next.asksUnsubscribe
                ? new Responses(next.repliedAt, next.autoReplyAt, next.bouncedAt, next.bounceStatus, true,
                        next.bounceReason) : next;
    }

    private Responses withKind(InboundMessage m) {
        switch (m.kind()) {
            case REPLIED:
                return repliedAt != null ? this
                        : new Responses(m.receivedAt(), autoReplyAt, bouncedAt, bounceStatus, asksUnsubscribe,
                                bounceReason);
            case AUTO_REPLY:
                return autoReplyAt != null ? this
                        : new Responses(repliedAt, m.receivedAt(), bouncedAt, bounceStatus, asksUnsubscribe,
                                bounceReason);
            case BOUNCED:
                return new Responses(repliedAt, autoReplyAt, m.receivedAt(), m.dsnStatus(), asksUnsubscribe,
                        m.bounceReason());
            default:
                return this;
        }
    }
}
