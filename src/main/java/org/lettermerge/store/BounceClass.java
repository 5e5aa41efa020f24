package org.lettermerge.store;

/**
 * What a bounce says about the address, from its RFC 3463 status code: the one thing that decides whether the
 * address may be written to again.
 */
public enum BounceClass {
    /** 5.x.x (but 5.2.2): the address does not work; suppressed unless mailbox.suppress_hard_bounces is off. */
    HARD("bounced"),
    /** 5.2.2: the mailbox is full. The letter is lost, the address usually works again later: never suppressed. */
    MAILBOX_FULL("bounced, mailbox full"),
    /**
     * 4.x.x in a final report: a server kept the letter in its queue until it gave up (Postfix's
     * maximal_queue_lifetime, 4.4.7 "delivery time expired"). The letter did not arrive; the address may be fine.
     */
    NOT_DELIVERED("not delivered"),
    /** No status code: a rejection notice (Sieve reject, RFC 5429) or a report that gave none. */
    NO_STATUS("bounced");

    private final String label;

    BounceClass(String label) {
        this.label = label;
    }

    /** How status and inbox show it, e.g. "not delivered". */
    public String label() {
        return label;
    }

    /** How status, the report and inbox show a bounce: "bounced 5.1.1", "not delivered 4.4.7 (...)", ... */
    public static String describe(String status) {
        BounceClass c = of(status);
        return switch (c) {
            case HARD -> "bounced " + status;
            case MAILBOX_FULL -> "bounced " + status + " (mailbox full)";
            case NOT_DELIVERED -> "not delivered " + status + " (the server gave up)";
            case NO_STATUS -> "bounced";
        };
    }

    public static BounceClass of(String status) {
        if (status == null || status.isBlank()) {
            return NO_STATUS;
        }
        if (status.strip().equals("5.2.2")) {
            return MAILBOX_FULL;
        }
        return status.startsWith("5.") ? HARD : status.startsWith("4.") ? NOT_DELIVERED : NO_STATUS;
    }
}
