package org.lettermerge.store;

/** Why a campaign is paused, which decides how it resumes. */
public enum PauseKind {
    /** `lettermerge pause`: waits for `resume`. */
    MANUAL(false),
    /** The server refused us (authentication, TLS, cannot connect): a configuration problem; waits for `resume`. */
    SERVER(false),
    /** A quota or throttling reply: resumes by itself after a backoff, at a tighter pace. */
    THROTTLE(true),
    /** Too many consecutive failures: something is wrong with the list or the letter; waits for `resume`. */
    ERROR_BUDGET(false),
    /** Its scheduled time passed while nothing was running: waits for `resume` rather than going out late. */
    MISSED(false),
    /** Its files changed since it was queued: waits for `send --live --accept-changes`. */
    CHANGED(false);

    private final boolean resumesByItself;

    PauseKind(boolean resumesByItself) {
        this.resumesByItself = resumesByItself;
    }

    public boolean resumesByItself() {
        return resumesByItself;
    }
}
