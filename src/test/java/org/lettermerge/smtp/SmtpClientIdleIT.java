package org.lettermerge.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettermerge.smtp.TestLetters.WAIT;
import static org.lettermerge.smtp.TestLetters.address;
import static org.lettermerge.smtp.TestLetters.letter;
import static org.lettermerge.smtp.TestLetters.settingsFor;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.testsupport.TestTime;

/**
 * A connection left idle between paced letters, which the server may have closed meanwhile.
 * Talks to the scripted SMTP server in test support.
 */
class SmtpClientIdleIT {

    /** Like a server whose idle timeout has passed: the next command on the first connection gets 421 and a close. */
    private static final Script IDLE_TIMEOUT = new Script() {
        @Override
        public Reply onNoop(int connection) {
            return connection == 1 ? Reply.code(421, "4.4.2 idle too long, closing connection")
                    : Script.super.onNoop(connection);
        }
    };

    @Test
    void aConnectionTheServerClosedWhileIdleIsReplacedBeforeTheNextLetterBegins() {
        TestTime clock = TestTime.at("2026-12-07T14:00:00Z");
        try (var server = ScriptedSmtpServer.start(IDLE_TIMEOUT);
             var client = new SmtpClient(settingsFor(server), (Credentials) null, clock)) {
            client.send(letter("a@example.org", "A"), address("a@example.org"), DataHandoff.NONE);
            clock.advance(SmtpClient.IDLE_CHECK.plusSeconds(1));

            SendOutcome next = client.send(letter("b@example.org", "B"), address("b@example.org"), DataHandoff.NONE);

            // Without the check, the 421 would have been the answer to MAIL FROM: the server pushing back.
            assertThat(next).isInstanceOf(SendOutcome.Accepted.class);
            assertThat(server.connectionCount()).isEqualTo(2);
            assertThat(server.awaitMessages(2, WAIT)).extracting(m -> m.recipients().get(0))
                    .containsExactly("a@example.org", "b@example.org");
        }
    }

    @Test
    void aConnectionUsedMomentsAgoIsNotTested() {
        TestTime clock = TestTime.at("2026-12-07T14:00:00Z");
        try (var server = ScriptedSmtpServer.start(IDLE_TIMEOUT);
             var client = new SmtpClient(settingsFor(server), (Credentials) null, clock)) {
            client.send(letter("a@example.org", "A"), address("a@example.org"), DataHandoff.NONE);
            clock.advance(Duration.ofSeconds(2));

            client.send(letter("b@example.org", "B"), address("b@example.org"), DataHandoff.NONE);

            assertThat(server.commands()).doesNotContain("NOOP");
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }
}
