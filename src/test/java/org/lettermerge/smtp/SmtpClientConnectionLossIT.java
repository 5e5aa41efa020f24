package org.lettermerge.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lettermerge.smtp.TestLetters.WAIT;
import static org.lettermerge.smtp.TestLetters.address;
import static org.lettermerge.smtp.TestLetters.letter;
import static org.lettermerge.smtp.TestLetters.settingsFor;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * A connection lost before or after the final "." and the hand-off hook that runs between.
 * Talks to the scripted SMTP server in test support.
 */
class SmtpClientConnectionLossIT {

    @Test
    void aDropAfterTheFinalDotIsUnknownAndTheNextSendReconnects() {
        try (var server = ScriptedSmtpServer.start(Script.dropAfterFinalDot(0));
             var client = new SmtpClient(settingsFor(server), null)) {
            SendOutcome dropped = client.send(letter("a@example.org", "A"), address("a@example.org"), DataHandoff.NONE);
            SendOutcome next = client.send(letter("b@example.org", "B"), address("b@example.org"), DataHandoff.NONE);

            assertThat(dropped).isInstanceOf(SendOutcome.Unknown.class);
            assertThat(((SendOutcome.Unknown) dropped).reason()).contains("after the final");
            assertThat(next).isInstanceOf(SendOutcome.Accepted.class);
            assertThat(server.connectionCount()).isEqualTo(2);
            assertThat(server.awaitMessages(1, WAIT).get(0).recipients()).containsExactly("b@example.org");
        }
    }

    @Test
    void aDropBeforeTheFinalDotIsNotHandedOver() {
        try (var server = ScriptedSmtpServer.start(Script.onRcptOf("a@example.org", Reply.drop()));
             var client = new SmtpClient(settingsFor(server), null)) {
            SendOutcome outcome = client.send(letter("a@example.org", "A"), address("a@example.org"), DataHandoff.NONE);

            assertThat(outcome).isInstanceOf(SendOutcome.NotHandedOver.class);
            assertThat(((SendOutcome.NotHandedOver) outcome).reason()).contains("before the final");
            assertThat(server.commands()).doesNotContain("DATA");
        }
    }

    @Test
    void aStalledReplyToTheFinalDotIsUnknownOnceTheDataEndTimeoutPasses() {
        try (var server = ScriptedSmtpServer.start(Script.stallAfterFinalDot(0));
             var client = new SmtpClient(settingsFor(server).withDataEndTimeout(Duration.ofMillis(300)), null)) {
            client.connect();
            long start = System.nanoTime();

            SendOutcome outcome = client.send(letter("a@example.org", "A"), address("a@example.org"), DataHandoff.NONE);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            server.awaitStall(WAIT);
            assertThat(outcome).isEqualTo(new SendOutcome.Unknown(
                    "no reply within 300 ms after the final \".\": the server may have queued the message"));
            // The read timeout is 5 s here: finishing well below it shows the data-end timeout was the one applied.
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void theReadTimeoutIsRestoredAfterTheFinalDot() throws Exception {
        try (var server = ScriptedSmtpServer.start();
             var client = new SmtpClient(settingsFor(server).withDataEndTimeout(Duration.ofMillis(4321)), null)) {
            client.send(letter("a@example.org", "A"), address("a@example.org"), DataHandoff.NONE);

            assertThat(client.socket().getSoTimeout()).isEqualTo((int) WAIT.toMillis());
        }
    }

    @Test
    void theHandoffRunsAfterTheDataAndBeforeTheFinalDot() {
        try (var server = ScriptedSmtpServer.start(); var client = new SmtpClient(settingsFor(server), null)) {
            List<List<String>> commandsAtHandoff = new ArrayList<>();

            SendOutcome outcome = client.send(letter("a@example.org", "A"), address("a@example.org"),
                    () -> commandsAtHandoff.add(server.commands()));

            assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
            assertThat(commandsAtHandoff).hasSize(1);
            assertThat(commandsAtHandoff.get(0)).contains("DATA").doesNotContain(".");
        }
    }

    @Test
    void aFailingHandoffKeepsTheFinalDotUnsentAndTheServerDiscardsTheMessage() {
        try (var server = ScriptedSmtpServer.start(); var client = new SmtpClient(settingsFor(server), null)) {
            IOException logFull = new IOException("disk full");

            assertThatThrownBy(() -> client.send(letter("a@example.org", "A"), address("a@example.org"), () -> {
                throw logFull;
            })).isInstanceOf(HandoffFailedException.class).hasCause(logFull);

            server.awaitDisconnects(1, WAIT);
            assertThat(server.commands()).contains("DATA").doesNotContain(".");
            assertThat(server.messages()).isEmpty();
            // The client is still usable: it reconnects for the next message.
            assertThat(client.send(letter("b@example.org", "B"), address("b@example.org"), DataHandoff.NONE))
                    .isInstanceOf(SendOutcome.Accepted.class);
        }
    }
}
