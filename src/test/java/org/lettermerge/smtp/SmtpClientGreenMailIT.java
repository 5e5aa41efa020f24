package org.lettermerge.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lettermerge.smtp.TestLetters.address;
import static org.lettermerge.smtp.TestLetters.letter;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lettermerge.smtp.ServerUnavailableException.Reason;

/** Against a real SMTP implementation: GreenMail in-process on a dynamic port. */
class SmtpClientGreenMailIT {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static SmtpSettings settings() {
        return SmtpSettings.of("127.0.0.1", greenMail.getSmtp().getPort(), Security.NONE)
                .withReadTimeout(Duration.ofSeconds(5)).withDataEndTimeout(Duration.ofSeconds(5));
    }

    // Few messages: GreenMail's replies meet Nagle + delayed ACK on its side (~45 ms per command on this machine),
    // which the client cannot fix. The 20-message single-connection test runs against ScriptedSmtpServer.
    @Test
    void severalMessagesAreAcceptedOverOneConnectionWithTheServersReply() throws Exception {
        try (var client = new SmtpClient(settings(), null)) {
            client.connect();
            var socket = client.socket();
            for (int i = 0; i < 5; i++) {
                SendOutcome outcome = client.send(letter("r" + i + "@example.org", "Letter " + i),
                        address("r" + i + "@example.org"), DataHandoff.NONE);
                assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Accepted.class, accepted -> {
                    assertThat(accepted.code()).isEqualTo(250);
                    assertThat(accepted.reply()).startsWith("250 ");
                });
            }

            assertThat(greenMail.waitForIncomingEmail(5_000, 5)).isTrue();
            assertThat(client.socket()).isSameAs(socket);
            assertThat(greenMail.getReceivedMessages()[4].getSubject()).isEqualTo("Letter 4");
        }
    }

    @Test
    void rightCredentialsLogIn() {
        greenMail.setUser("sender@example.org", "sender", "right-password");
        try (var client = new SmtpClient(settings().withUsername("sender"), "right-password".toCharArray())) {
            SendOutcome outcome = client.send(letter("a@example.org", "A"), address("a@example.org"), DataHandoff.NONE);

            assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
        }
    }

    @Test
    void wrongCredentialsAreRejectedWithoutThePasswordInTheMessage() {
        greenMail.setUser("sender@example.org", "sender", "right-password");
        try (var client = new SmtpClient(settings().withUsername("sender"), "wrong-password".toCharArray())) {
            assertThatThrownBy(client::connect)
                    .isInstanceOfSatisfying(ServerUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_REJECTED))
                    .hasMessageContaining("127.0.0.1:" + greenMail.getSmtp().getPort())
                    .hasMessageContaining("535")
                    .message().doesNotContain("wrong-password").doesNotContain("right-password");
        }
    }
}
