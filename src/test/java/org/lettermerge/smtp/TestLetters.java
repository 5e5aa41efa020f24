package org.lettermerge.smtp;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/** Messages and settings for the SmtpClient tests, built directly with jakarta.mail. */
final class TestLetters {

    static final Duration WAIT = Duration.ofSeconds(5);

    private TestLetters() {
    }

    static MimeMessage letter(String to, String subject) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress("sender@example.org"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, "UTF-8");
            message.setText("Dear reader,\r\n.a line starting with a dot\r\n", "UTF-8");
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static InternetAddress address(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Clear text to the scripted server, with short timeouts so a broken feature fails fast instead of hanging. */
    static SmtpSettings settingsFor(ScriptedSmtpServer server) {
        return SmtpSettings.of(server.host(), server.port(), Security.NONE)
                .withConnectTimeout(WAIT).withReadTimeout(WAIT).withWriteTimeout(WAIT).withDataEndTimeout(WAIT)
                .withHelo("client.example.org");
    }
}
