package org.lettermerge.store;

/**
 * Where a recipient's letter stands. QUEUED → SENDING (committed before the SMTP transaction starts) →
 * ACCEPTED | DEFERRED | FAILED | UNKNOWN.
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
    UNKNOWN;

    /** Rows a run may send: never one the server may already have. */
    public boolean isSendable() {
        return this == QUEUED || this == DEFERRED;
    }
}
