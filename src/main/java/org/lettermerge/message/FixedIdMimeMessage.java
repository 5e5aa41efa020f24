package org.lettermerge.message;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message whose Message-ID survives saveChanges(), which would otherwise replace it with one ending @localhost.
 * An SMTPMessage so each letter can carry its own envelope sender (VERP): Angus's transport uses
 * {@link SMTPMessage#getEnvelopeFrom()} when set, else the From address; the session-wide mail.smtp.from could not
 * differ per letter.
 */
final class FixedIdMimeMessage extends SMTPMessage {

    private final String messageId;

    FixedIdMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
