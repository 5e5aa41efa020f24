package org.lettermerge.store;

/** What a history line records. */
public enum EventKind {
    /** The campaign's first version, or a new one the user accepted. */
    VERSION,
    QUEUED,
    /** A queued row's data changed under an accepted new version. */
    ROW_CHANGED,
    /** The address left the CSV: the row is never sent while it is gone. */
    REMOVED,
    /** The address came back into the CSV. */
    RESTORED,
    /** A sender committed the row as SENDING before opening the SMTP transaction. */
    CLAIMED,
    /** The message data is complete and the final "." is about to be sent: from here the server may have it. */
    DATA_HANDOFF,
    /** The server's answer (or the lack of one) for an attempt. */
    OUTCOME,
    /** A row found in SENDING when no sender was running, settled from the history. */
    RECOVERED,
    /** A letter sent to the organizer's own address with --test-to; not a delivery. */
    TEST_SEND,
    /** The campaign was given a time to start (send --live --at). */
    SCHEDULED,
    PAUSED,
    RESUMED,
    CANCELLED,
    /** An UNKNOWN row settled by the organizer (resolve --as accepted|failed|resend). */
    RESOLVED,
    /** A throttling reply halved the account's pace. */
    PACE_TIGHTENED,
    /** The row's address is on the suppression list: it is not sent while it stays there. */
    SKIPPED,
    /** The address was taken off the suppression list: the row goes on from where it was skipped. */
    SKIP_LIFTED,
    /** A person answered the letter (read from the mailbox). */
    REPLIED,
    /** An out-of-office or other automatic answer: not a reply. */
    AUTO_REPLY,
    /** A delivery report says the letter could not be delivered. The row's state stays as the SMTP server left it. */
    BOUNCED,
    /** A delivery report says delivery is delayed: noted, not a bounce. */
    DELAYED
}
