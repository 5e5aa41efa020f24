package org.lettermerge.smtp;

/**
 * No usable session with the SMTP server: nothing can be sent until the user fixes something or the server recovers.
 * The message names host:port, says what failed and what to do. It never contains a password.
 */
public final class ServerUnavailableException extends RuntimeException {

    /** What failed, for callers that react differently (and for tests). */
    public enum Reason {
        CONNECTION_REFUSED,
        TIMED_OUT,
        UNKNOWN_HOST,
        TLS_HANDSHAKE,
        CERTIFICATE,
        STARTTLS_NOT_OFFERED,
        AUTHENTICATION_NOT_OFFERED,
        AUTHENTICATION_REJECTED,
        /** The OAuth sign-in must be done again (`lettermerge login`): revoked, expired, or refused after a refresh. */
        LOGIN_REQUIRED,
        GREETING_REFUSED,
        OTHER
    }

    private final Reason reason;
    private final String summary;

    public ServerUnavailableException(Reason reason, String message, Throwable cause) {
        this(reason, message, null, cause);
    }

    /** @param summary a few words for a one-line summary, e.g. "cannot reach smtp.example.org:587 (connection refused)" */
    public ServerUnavailableException(Reason reason, String message, String summary, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.summary = summary;
    }

    /** A few words for a one-line summary; the message when none was given. */
    public String summary() {
        return summary != null ? summary : getMessage();
    }

    public Reason reason() {
        return reason;
    }
}
