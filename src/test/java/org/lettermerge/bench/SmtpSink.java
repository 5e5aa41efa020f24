package org.lettermerge.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast SMTP sink for the benchmark (like Postfix's smtp-sink): accepts every message on 127.0.0.1 and keeps
 * nothing but counts. Writes "messages firstMillis lastMillis" to a stats file after every message, so the
 * benchmark script can read when the first and last message arrived.
 */
public final class SmtpSink {

    private static final AtomicLong MESSAGES = new AtomicLong();
    private static final AtomicLong FIRST = new AtomicLong();
    private static volatile long last;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path stats = Path.of(args[1]);
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket, stats), "sink");
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private static void serve(Socket socket, Path stats) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = readLine(in)) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
                    case "HELO" -> reply(out, "250 sink");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        skipMessage(in);
                        long now = System.currentTimeMillis();
                        FIRST.compareAndSet(0, now);
                        last = now;
                        long n = MESSAGES.incrementAndGet();
                        reply(out, "250 2.0.0 Ok: queued as S" + n);
                        if (n % 500 == 0) {
                            writeStats(stats);
                        }
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        writeStats(stats);
                        return;
                    }
                    default -> reply(out, "250 Ok");
                }
            }
        } catch (IOException e) {
            // a client that went away: nothing to keep
        } finally {
            writeStats(stats);
        }
    }

    private static synchronized void writeStats(Path stats) {
        try {
            Files.writeString(stats, MESSAGES.get() + " " + FIRST.get() + " " + last + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads and discards the message up to and including the final CRLF.CRLF, a buffer at a time. */
    private static void skipMessage(InputStream in) throws IOException {
        byte[] end = {'\r', '\n', '.', '\r', '\n'};
        int matched = 2; // the DATA command's own CRLF counts as the start of a line
        byte[] buffer = new byte[1 << 16];
        while (true) {
            in.mark(buffer.length);
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("connection closed inside DATA");
            }
            for (int i = 0; i < n; i++) {
                matched = buffer[i] == end[matched] ? matched + 1 : buffer[i] == '\r' ? 1 : 0;
                if (matched == end.length) {
                    in.reset();
                    in.skip(i + 1);
                    return;
                }
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
