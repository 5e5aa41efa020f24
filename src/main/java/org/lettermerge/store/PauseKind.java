package org.lettermerge.store;

/**
 * Why a campaign is paused, which decides how it resumes. A `send --live` of the campaign counts as the
 * organizer retrying: it resumes the server-related pauses (SERVER, THROTTLE, UNREACHABLE), not the others.
 */
public enum PauseKind {
    /** `lettermerge pause`: waits for `resume`. */
    MANUAL(false),
    /** The server refused us (authentication, TLS, cannot connect): a configuration problem; waits for `resume`. */
    SERVER(false),
    /** A quota or throttling reply: resumes by itself after a backoff, at a tighter pace. */
    THROTTLE(true),
    /** The server could not be reached or greeted us with 421: tries again by itself after a while. */
    UNREACHABLE(true),
    /** Too many consecutive failures: something is wrong with the list or the letter; waits for `resume`. */
    ERROR_BUDGET(false),
    /** Its scheduled time passed while nothing was running: waits for `resume` rather than going out late. */
    MISSED(false),
    /** Its files changed since it was queued: waits for `send --live --accept-changes`. */
    CHANGED(false),
    /** The account's OAuth sign-in is gone (revoked, expired, refused): waits for `login`, then `resume`. */
    LOGIN(false);

    private final boolean resumesByItself;

    PauseKind(boolean resumesByItself) {
        this.resumesByItself = resumesByItself;
    }

    public boolean resumesByItself() {
        return resumesByItself;
    }

    public boolean isAboutTheServer() {
        return this == SERVER || this == THROTTLE || this == UNREACHABLE || this == LOGIN;
    }
}
