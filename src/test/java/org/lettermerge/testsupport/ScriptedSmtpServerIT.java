package org.lettermerge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The scripted SMTP server itself, over real sockets. */
class ScriptedSmtpServerIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void acceptsAMessageAndUndoesDotStuffing() throws Exception {
        try (var server = ScriptedSmtpServer.start(); var client = new RawClient(server)) {
            assertThat(client.read()).startsWith("220 ");
            assertThat(client.send("EHLO test")).isEqualTo("250-127.0.0.1 greets you");
            assertThat(client.read()).isEqualTo("250 8BITMIME");
            assertThat(client.send("MAIL FROM:<a@example.org>")).startsWith("250");
            assertThat(client.send("RCPT TO:<b@example.org>")).startsWith("250");
            assertThat(client.send("DATA")).startsWith("354");
            assertThat(client.send("Subject: hi\r\n\r\n..leading dot\r\n.")).isEqualTo("250 2.0.0 Ok: queued as Q0");

            ReceivedMessage message = server.awaitMessages(1, WAIT).get(0);
            assertThat(message.envelopeFrom()).isEqualTo("a@example.org");
            assertThat(message.recipients()).containsExactly("b@example.org");
            assertThat(message.toMimeMessage().getSubject()).isEqualTo("hi");
            assertThat(new String(message.raw(), StandardCharsets.US_ASCII)).endsWith("\r\n.leading dot\r\n");
            assertThat(server.commands()).containsSubsequence("MAIL FROM:<a@example.org>", "DATA", ".");
        }
    }

    @Test
    void rejectsTheScriptedRecipientOnlyAndKeepsTheTransaction() throws Exception {
        try (var server = ScriptedSmtpServer.start(Script.rejectRcpt("bad@example.org", 550, "5.1.1 User unknown"));
             var client = new RawClient(server)) {
            client.read();
            client.send("HELO test");
            client.send("MAIL FROM:<a@example.org>");
            assertThat(client.send("RCPT TO:<bad@example.org>")).isEqualTo("550 5.1.1 User unknown");
            assertThat(client.send("RCPT TO:<good@example.org>")).startsWith("250");
            client.send("DATA");
            client.send("Subject: x\r\n\r\nbody\r\n.");

            assertThat(server.awaitMessages(1, WAIT).get(0).recipients()).containsExactly("good@example.org");
        }
    }

    @Test
    void dropsTheConnectionAfterTheFinalDotWithoutAnswerOrRecord() throws Exception {
        try (var server = ScriptedSmtpServer.start(Script.dropAfterFinalDot(0)); var client = new RawClient(server)) {
            client.read();
            client.send("HELO test");
            client.send("MAIL FROM:<a@example.org>");
            client.send("RCPT TO:<b@example.org>");
            client.send("DATA");

            assertThat(client.send("Subject: x\r\n\r\nbody\r\n.")).isNull();
            server.awaitDisconnects(1, WAIT);
            assertThat(server.messages()).isEmpty();
            assertThat(server.commands()).endsWith(".");
        }
    }

    @Test
    void stallsTheReplyToTheFinalDotUntilClosed() throws Exception {
        try (var server = ScriptedSmtpServer.start(Script.stallAfterFinalDot(0)); var client = new RawClient(server)) {
            client.read();
            client.send("HELO test");
            client.send("MAIL FROM:<a@example.org>");
            client.send("RCPT TO:<b@example.org>");
            client.send("DATA");
            client.socket.setSoTimeout(200);

            assertThatThrownBy(() -> client.send("Subject: x\r\n\r\nbody\r\n.")).isInstanceOf(SocketTimeoutException.class);
            server.awaitStall(WAIT);
        }
    }

    @Test
    void a421GreetingClosesTheConnection() throws Exception {
        try (var server = ScriptedSmtpServer.start(Script.greeting(Reply.code(421, "4.3.2 Busy")));
             var client = new RawClient(server)) {
            assertThat(client.read()).isEqualTo("421 4.3.2 Busy");
            assertThat(client.read()).isNull();
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    /** Speaks SMTP one line at a time, so each test shows the exact dialogue. */
    private static final class RawClient implements AutoCloseable {
        final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        RawClient(ScriptedSmtpServer server) throws IOException {
            socket = new Socket(server.host(), server.port());
            socket.setSoTimeout(5_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
        }

        String send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read();
        }

        String read() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
