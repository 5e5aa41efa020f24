package org.lettermerge.smtp;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * One connection the scheduler sends letters on: the scheduler's only way out. {@link SmtpClient} is the one
 * that speaks SMTP.
 */
public interface Mailer extends AutoCloseable {

    /** Opens the connection again (TLS, login): a provider caps the letters one connection may carry. */
    void connect();

    /**
     * Sends {@code message} to {@code envelopeRecipient} alone; {@code handoff} runs just before the final "."
     * and must succeed for it to be sent.
     *
     * @throws ServerUnavailableException when the server cannot be reached: the letter did not leave
     * @throws HandoffFailedException     when {@code handoff} failed: the final "." was not sent
     */
    SendOutcome send(MimeMessage message, InternetAddress envelopeRecipient, DataHandoff handoff);

    /** Whether the server takes 8-bit text as it is (8BITMIME). */
    boolean acceptsEightBit();

    /** The largest message the server announced it takes, or 0 when it announced none. */
    long announcedSizeLimit();

    @Override
    void close();
}
