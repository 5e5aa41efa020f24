package org.lettermerge.store;

/** What a message read from the mailbox turned out to be. */
public enum InboundKind {
    REPLIED(EventKind.REPLIED),
    AUTO_REPLY(EventKind.AUTO_REPLY),
    BOUNCED(EventKind.BOUNCED),
    DELAYED(EventKind.DELAYED),
    /** Nobody could tell which letter it is about: kept for a person to look at, never dropped. */
    UNMATCHED(null);

    private final EventKind event;

    InboundKind(EventKind event) {
        this.event = event;
    }

    /** The history line it adds to its recipient, or null when it has no recipient. */
    public EventKind event() {
        return event;
    }
}
