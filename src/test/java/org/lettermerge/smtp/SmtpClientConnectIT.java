package org.lettermerge.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lettermerge.smtp.TestLetters.address;
import static org.lettermerge.smtp.TestLetters.letter;
import static org.lettermerge.smtp.TestLetters.settingsFor;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.lettermerge.smtp.ServerUnavailableException.Reason;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * Opening the session: every way it fails names the server and never goes on in clear text.
 * Talks to the scripted SMTP server in test support.
 */
class SmtpClientConnectIT {

    @Test
    void a421GreetingMakesTheServerUnavailable() {
        Script busy = Script.greeting(Reply.code(421, "4.3.2 Too many connections, try later"));
        try (var server = ScriptedSmtpServer.start(busy); var client = new SmtpClient(settingsFor(server), null)) {
            assertThatThrownBy(client::connect)
                    .isInstanceOfSatisfying(ServerUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.GREETING_REFUSED))
                    .hasMessageContaining("127.0.0.1:" + server.port())
                    .hasMessageContaining("421 4.3.2 Too many connections");
        }
    }

    @Test
    void aClosedPortMakesTheServerUnavailableAndNamesHostAndPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (var client = new SmtpClient(SmtpSettings.of("127.0.0.1", port, Security.NONE), null)) {
            assertThatThrownBy(client::connect)
                    .isInstanceOfSatisfying(ServerUnavailableException.class,
                            e -> {
                                assertThat(e.reason()).isEqualTo(Reason.CONNECTION_REFUSED);
                                assertThat(e.summary()).isEqualTo("cannot reach 127.0.0.1:" + port + " (connection refused)");
                            })
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("connection refused");
        }
    }

    @Test
    void starttlsAgainstAServerWithoutItFailsBeforeAnythingIsSentInClear() {
        try (var server = ScriptedSmtpServer.start();
             var client = new SmtpClient(settingsFor(server).withSecurity(Security.STARTTLS), null)) {
            assertThatThrownBy(() -> client.send(letter("a@example.org", "A"), address("a@example.org"), DataHandoff.NONE))
                    .isInstanceOfSatisfying(ServerUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.STARTTLS_NOT_OFFERED))
                    .hasMessageContaining("STARTTLS");
            assertThat(server.commands()).noneMatch(c -> c.startsWith("MAIL") || c.startsWith("AUTH"));
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void implicitTlsAgainstAPlainServerIsAHandshakeFailure() {
        try (var server = ScriptedSmtpServer.start();
             var client = new SmtpClient(settingsFor(server).withSecurity(Security.TLS), null)) {
            assertThatThrownBy(client::connect)
                    .isInstanceOfSatisfying(ServerUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TLS_HANDSHAKE))
                    .hasMessageContaining("security: tls");
        }
    }

    @Test
    void aUsernameWithoutAuthOnTheServerFailsInsteadOfSendingUnauthenticated() {
        char[] password = "s3cret-pw".toCharArray();
        try (var server = ScriptedSmtpServer.start();
             var client = new SmtpClient(settingsFor(server).withUsername("me"), password)) {
            assertThatThrownBy(client::connect)
                    .isInstanceOfSatisfying(ServerUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_NOT_OFFERED))
                    .message().doesNotContain("s3cret-pw");
            assertThat(server.commands()).noneMatch(c -> c.startsWith("MAIL"));
        }
    }

    @Test
    void theSocketHasTcpNoDelaySet() throws Exception {
        try (var server = ScriptedSmtpServer.start(); var client = new SmtpClient(settingsFor(server), null)) {
            client.connect();

            assertThat(client.socket().getTcpNoDelay()).isTrue();
            assertThat(client.socket().getPort()).isEqualTo(server.port());
        }
    }

    @Test
    void aClientWillNotBeBuiltToLogInInClearTextToAnotherHost() {
        char[] password = "clear-secret".toCharArray();
        SmtpSettings clear = SmtpSettings.of("smtp.example.org", 25, Security.NONE).withUsername("sender");

        assertThatThrownBy(() -> new SmtpClient(clear, password).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clear text")
                .message().doesNotContain("clear-secret");
    }
}
