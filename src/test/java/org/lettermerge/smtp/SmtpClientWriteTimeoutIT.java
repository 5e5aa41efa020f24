package org.lettermerge.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.smtp.TestLetters.WAIT;
import static org.lettermerge.smtp.TestLetters.address;
import static org.lettermerge.smtp.TestLetters.settingsFor;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * A server that stops reading in the middle of a message must not hang the send: the write timeout ends it.
 * Talks to the scripted SMTP server in test support.
 */
class SmtpClientWriteTimeoutIT {

    private static final Script STOPS_READING = new Script() {
        @Override
        public boolean readsMessage(int transaction) {
            return transaction != 0;
        }
    };

    @Test
    // Without a write timeout the send would wait for ever, deaf to interrupts: fail from another thread instead.
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aWriteTheServerNeverTakesEndsAtTheWriteTimeoutAsNotHandedOverAndTheNextSendReconnects() throws Exception {
        try (var server = ScriptedSmtpServer.start(STOPS_READING);
             var client = new SmtpClient(settingsFor(server).withWriteTimeout(Duration.ofMillis(500))
                     .withReadTimeout(Duration.ofSeconds(60)).withDataEndTimeout(Duration.ofSeconds(60)), null)) {
            long start = System.nanoTime();

            // Far more than the connection's buffers hold, so a write must block once the server stops reading.
            SendOutcome outcome = client.send(letterOf(64 << 20), address("a@example.org"), DataHandoff.NONE);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            server.awaitStall(WAIT);
            assertThat(outcome).isInstanceOf(SendOutcome.NotHandedOver.class);
            // The read timeouts are 60 s here: ending well before them shows the write timeout was the one applied
            // (the bound leaves room for a machine busy building 64 MB).
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofSeconds(30));

            SendOutcome next = client.send(letterOf(1000), address("b@example.org"), DataHandoff.NONE);
            assertThat(next).isInstanceOf(SendOutcome.Accepted.class);
            assertThat(server.awaitMessages(1, WAIT).get(0).recipients()).containsExactly("b@example.org");
        }
    }

    private static MimeMessage letterOf(int bytes) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("sender@example.org"));
        message.setSubject("A long letter");
        String line = "x".repeat(76) + "\r\n";
        message.setText(line.repeat(bytes / line.length() + 1), "US-ASCII");
        message.setHeader("Content-Transfer-Encoding", "7bit");
        return message;
    }
}
