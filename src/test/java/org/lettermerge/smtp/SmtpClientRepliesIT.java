package org.lettermerge.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.smtp.TestLetters.WAIT;
import static org.lettermerge.smtp.TestLetters.address;
import static org.lettermerge.smtp.TestLetters.letter;
import static org.lettermerge.smtp.TestLetters.settingsFor;

import org.junit.jupiter.api.Test;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * How each server reply becomes an outcome, over one connection that stays usable.
 * Talks to the scripted SMTP server in test support.
 */
class SmtpClientRepliesIT {

    @Test
    void manyMessagesTravelOverOneConnectionAndEachAcceptanceKeepsTheQueueId() {
        try (var server = ScriptedSmtpServer.start(); var client = new SmtpClient(settingsFor(server), null)) {
            client.connect();
            for (int i = 0; i < 20; i++) {
                SendOutcome outcome = client.send(letter("r" + i + "@example.org", "Letter " + i),
                        address("r" + i + "@example.org"), DataHandoff.NONE);
                assertThat(outcome).isEqualTo(new SendOutcome.Accepted(250, "250 2.0.0 Ok: queued as Q" + i));
            }

            assertThat(server.awaitMessages(20, WAIT)).hasSize(20);
            assertThat(server.connectionCount()).isEqualTo(1);
            assertThat(server.commands()).contains("EHLO client.example.org");
        }
    }

    @Test
    void theEnvelopeHoldsOnlyTheGivenRecipient() throws Exception {
        try (var server = ScriptedSmtpServer.start(); var client = new SmtpClient(settingsFor(server), null)) {
            var message = letter("header@example.org", "Hello");
            message.addRecipient(jakarta.mail.Message.RecipientType.CC, address("cc@example.org"));

            client.send(message, address("envelope@example.org"), DataHandoff.NONE);

            var received = server.awaitMessages(1, WAIT).get(0);
            assertThat(received.recipients()).containsExactly("envelope@example.org");
            assertThat(received.envelopeFrom()).isEqualTo("sender@example.org");
            assertThat(received.toMimeMessage().getSubject()).isEqualTo("Hello");
        }
    }

    @Test
    void a450OnRcptIsDeferredAndTheNextMessageOnTheSameConnectionIsAccepted() {
        Script script = Script.rejectRcpt("busy@example.org", 450, "4.2.0 Mailbox busy");
        try (var server = ScriptedSmtpServer.start(script); var client = new SmtpClient(settingsFor(server), null)) {
            SendOutcome busy = client.send(letter("busy@example.org", "A"), address("busy@example.org"), DataHandoff.NONE);
            SendOutcome next = client.send(letter("ok@example.org", "B"), address("ok@example.org"), DataHandoff.NONE);

            assertThat(busy).isEqualTo(new SendOutcome.Deferred(450, "450 4.2.0 Mailbox busy"));
            assertThat(next).isInstanceOf(SendOutcome.Accepted.class);
            assertThat(server.awaitMessages(1, WAIT).get(0).recipients()).containsExactly("ok@example.org");
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void a550OnRcptIsFailedAndTheNextMessageOnTheSameConnectionIsAccepted() {
        Script script = Script.rejectRcpt("nobody@example.org", 550, "5.1.1 User unknown");
        try (var server = ScriptedSmtpServer.start(script); var client = new SmtpClient(settingsFor(server), null)) {
            SendOutcome unknown = client.send(letter("nobody@example.org", "A"), address("nobody@example.org"), DataHandoff.NONE);
            SendOutcome next = client.send(letter("ok@example.org", "B"), address("ok@example.org"), DataHandoff.NONE);

            assertThat(unknown).isEqualTo(new SendOutcome.Failed(550, "550 5.1.1 User unknown"));
            assertThat(next).isInstanceOf(SendOutcome.Accepted.class);
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void a554AfterDataIsFailed() {
        try (var server = ScriptedSmtpServer.start(Script.replyAfterData(0, 554, "5.7.1 Message rejected as spam"));
             var client = new SmtpClient(settingsFor(server), null)) {
            SendOutcome outcome = client.send(letter("a@example.org", "A"), address("a@example.org"), DataHandoff.NONE);

            assertThat(outcome).isEqualTo(new SendOutcome.Failed(554, "554 5.7.1 Message rejected as spam"));
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void a451AfterDataIsDeferredAndTheConnectionStaysUsable() {
        try (var server = ScriptedSmtpServer.start(Script.replyAfterData(0, 451, "4.3.0 Queue write error"));
             var client = new SmtpClient(settingsFor(server), null)) {
            SendOutcome first = client.send(letter("a@example.org", "A"), address("a@example.org"), DataHandoff.NONE);
            SendOutcome second = client.send(letter("b@example.org", "B"), address("b@example.org"), DataHandoff.NONE);

            assertThat(first).isEqualTo(new SendOutcome.Deferred(451, "451 4.3.0 Queue write error"));
            assertThat(second).isInstanceOf(SendOutcome.Accepted.class);
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void aSendingLimitAfterDataIsAServerRefusalAfterTheFinalDot() {
        Script script = Script.replyAfterData(0, 550, "5.4.5 Daily user sending limit exceeded");
        try (var server = ScriptedSmtpServer.start(script); var client = new SmtpClient(settingsFor(server), null)) {
            SendOutcome outcome = client.send(letter("a@example.org", "A"), address("a@example.org"), DataHandoff.NONE);

            assertThat(outcome).isEqualTo(
                    new SendOutcome.ServerRefused(550, "550 5.4.5 Daily user sending limit exceeded", true));
        }
    }

    @Test
    void a421OnRcptIsAServerRefusalBeforeTheFinalDot() {
        Script script = Script.onRcptOf("a@example.org", Reply.code(421, "4.7.0 Try again later, closing connection"));
        try (var server = ScriptedSmtpServer.start(script); var client = new SmtpClient(settingsFor(server), null)) {
            SendOutcome outcome = client.send(letter("a@example.org", "A"), address("a@example.org"), DataHandoff.NONE);

            assertThat(outcome).isEqualTo(
                    new SendOutcome.ServerRefused(421, "421 4.7.0 Try again later, closing connection", false));
        }
    }
}
