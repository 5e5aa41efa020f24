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
        GREETING_REFUSED,
        OTHER
    }

    private final Reason reason;

    public ServerUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
