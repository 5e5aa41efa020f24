package org.lettermerge.message;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A message's size as it travels: its MIME text with CRLF line ends and every part encoded (base64 turns 3 bytes
 * into 4, plus a line break every 76 characters), which is what a provider's limit and an SMTP server's
 * {@code SIZE} (RFC 1870) count — not the size of the files attached.
 */
public final class MessageSize {

    private MessageSize() {}

    public static long of(MimeMessage message) {
        Counter counter = new Counter();
        try {
            message.writeTo(counter);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the message: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot measure the message: " + e.getMessage(), e);
        }
        return counter.bytes;
    }

    private static final class Counter extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
