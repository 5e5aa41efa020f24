package org.lettermerge.smtp;

/**
 * The {@link DataHandoff} hook failed, so the final "." was never sent: the server discarded the message
 * (RFC 5321 4.1.1.4) and it is safe to send it again once the hook works. The cause is the hook's exception.
 */
public final class HandoffFailedException extends RuntimeException {

    public HandoffFailedException(Throwable cause) {
        super("The message was not handed to the SMTP server: recording the hand-off failed before the final \".\" ("
                + cause + "). Nothing was delivered; it can be sent again.", cause);
    }
}
