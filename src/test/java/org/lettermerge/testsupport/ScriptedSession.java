package org.lettermerge.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One connection to the {@link ScriptedSmtpServer}: reads commands one line at a time and answers in order. */
final class ScriptedSession {

    private final ScriptedSmtpServer server;
    private final Script script;
    private final Socket socket;
    private final int connection;
    private InputStream in;
    private OutputStream out;
    private String from;
    private int transaction = -1;
    private final List<String> recipients = new ArrayList<>();

    ScriptedSession(ScriptedSmtpServer server, Script script, Socket socket, int connection) {
        this.server = server;
        this.script = script;
        this.socket = socket;
        this.connection = connection;
    }

    void run() {
        try (socket) {
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            if (answer(script.onGreeting(connection))) {
                dialogue();
            }
        } catch (IOException e) {
            // the client went away: nothing more to answer
        } finally {
            server.disconnected();
        }
    }

    private void dialogue() throws IOException {
        byte[] lineBytes;
        while ((lineBytes = readLine()) != null) {
            String line = new String(lineBytes, StandardCharsets.ISO_8859_1);
            server.logCommand(line);
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            boolean goOn = switch (verb) {
                case "EHLO" -> answer(Reply.code(250, String.join("\n", ehloLines())));
                case "HELO" -> answer(Reply.code(250, "127.0.0.1"));
                case "MAIL" -> mailFrom(line);
                case "RCPT" -> rcpt(line);
                case "DATA" -> data();
                case "RSET" -> reset(Reply.code(250, "2.0.0 Ok"));
                case "NOOP" -> answer(script.onNoop(connection));
                case "QUIT" -> answer(Reply.code(221, "2.0.0 Bye")) && false;
                default -> answer(Reply.code(500, "5.5.2 Command not recognized"));
            };
            if (!goOn) {
                return;
            }
        }
    }

    private List<String> ehloLines() {
        List<String> lines = new ArrayList<>();
        lines.add("127.0.0.1 greets you");
        lines.addAll(script.extensions());
        return lines;
    }

    private boolean mailFrom(String line) throws IOException {
        reset(null);
        transaction = server.nextTransaction();
        Reply reply = script.onMailFrom(address(line), transaction);
        if (reply instanceof Reply.Code code && code.code() / 100 == 2) {
            from = address(line);
        }
        return answer(reply);
    }

    private boolean rcpt(String line) throws IOException {
        if (from == null) {
            return answer(Reply.code(503, "5.5.1 Need MAIL first"));
        }
        Reply reply = script.onRcpt(address(line), transaction);
        if (reply instanceof Reply.Code code && code.code() / 100 == 2) {
            recipients.add(address(line));
        }
        return answer(reply);
    }

    private boolean data() throws IOException {
        if (recipients.isEmpty()) {
            return answer(Reply.code(503, "5.5.1 Need RCPT first"));
        }
        answer(Reply.code(354, "End data with <CR><LF>.<CR><LF>"));
        if (!script.readsMessage(transaction)) {
            server.stallUntilClosed();
            return false;
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        byte[] line;
        while ((line = readLine()) != null) {
            if (line.length == 1 && line[0] == '.') {
                return dataEnd(message.toByteArray());
            }
            // RFC 5321 4.5.2: a line starting with "." had one more "." put in front of it.
            int skip = line.length > 0 && line[0] == '.' ? 1 : 0;
            message.write(line, skip, line.length - skip);
            message.write('\r');
            message.write('\n');
        }
        return false; // the connection ended before the final "." (RFC 5321 4.1.1.4: discard the transaction)
    }

    private boolean dataEnd(byte[] message) throws IOException {
        server.logCommand(".");
        Reply reply = script.onDataEnd(message, transaction);
        if (reply instanceof Reply.Code code && code.code() / 100 == 2) {
            server.accepted(new ReceivedMessage(connection, transaction, from, recipients, message));
        }
        reset(null);
        return answer(reply);
    }

    private boolean reset(Reply reply) throws IOException {
        from = null;
        recipients.clear();
        return reply == null || answer(reply);
    }

    /** Sends the reply; false when the connection is to end (a drop, a stall, or 421: RFC 5321 3.8 the server closes). */
    private boolean answer(Reply reply) throws IOException {
        if (reply instanceof Reply.Drop) {
            return false;
        }
        if (reply instanceof Reply.Stall) {
            server.stallUntilClosed();
            return false;
        }
        Reply.Code code = (Reply.Code) reply;
        StringBuilder text = new StringBuilder();
        code.lines().forEach(l -> text.append(l).append("\r\n"));
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return code.code() != 421;
    }

    private static String address(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        return open >= 0 && close > open ? line.substring(open + 1, close) : "";
    }

    /** A line without its CRLF (a bare LF also ends it), or null at end of stream. */
    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return Arrays.copyOf(bytes, length);
            }
            line.write(b);
        }
        return null;
    }
}
