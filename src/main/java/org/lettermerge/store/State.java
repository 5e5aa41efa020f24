package org.lettermerge.store;

/**
 * Where a recipient's letter stands. QUEUED → SENDING (committed before the SMTP transaction starts) →
 * ACCEPTED | DEFERRED | FAILED | UNKNOWN; a QUEUED or DEFERRED row whose address is suppressed is SKIPPED.
 */
public enum State {
    QUEUED,
    /** Claimed by a sender; a row still here after a crash is recovered from the history. */
    SENDING,
    /** The server answered 250 to the final "." — it has taken responsibility for the letter. */
    ACCEPTED,
    /** A 4xx reply: may be retried by a later run. */
    DEFERRED,
    /** A 5xx reply: permanent, never retried automatically. */
    FAILED,
    /** The connection was lost after the final "." — the server may have the letter, so it is not re-sent. */
    UNKNOWN,
    /**
     * The address is on the suppression list: never sent while it is. Stored as skipped_at on a row that keeps its
     * QUEUED or DEFERRED state underneath (see 003-suppression.sql), so lifting the suppression resumes it there.
     */
    SKIPPED;

    /** Rows a run may send: never one the server may already have. */
    public boolean isSendable() {
        return this == QUEUED || this == DEFERRED;
    }
}
