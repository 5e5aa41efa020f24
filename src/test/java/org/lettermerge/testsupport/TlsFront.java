package org.lettermerge.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * TLS in front of a plain GreenMail port, with a certificate the test made. GreenMail offers no STARTTLS, and its
 * own TLS key is one per JVM, read once from a system property, so a test could not present a certificate for
 * another host or an expired one beside a good one. The mail dialog stays GreenMail's: this only terminates TLS
 * and passes the bytes on. In {@link Mode#SMTP_STARTTLS} it adds STARTTLS to GreenMail's EHLO reply and answers
 * STARTTLS itself; every command seen in clear text before TLS is recorded.
 */
public final class TlsFront implements AutoCloseable {

    /** IMPLICIT: TLS from the first byte (SMTPS 465, IMAPS 993). SMTP_STARTTLS: plain, then STARTTLS (RFC 3207). */
    public enum Mode { IMPLICIT, SMTP_STARTTLS }

    private final Mode mode;
    private final SSLContext context;
    private final int backendPort;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> clearTextCommands = new CopyOnWriteArrayList<>();
    private final List<String> handshakes = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    private TlsFront(Mode mode, SSLContext context, int backendPort) throws IOException {
        this.mode = mode;
        this.context = context;
        this.backendPort = backendPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::acceptLoop, "tls-front-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** In front of 127.0.0.1:{@code backendPort}, presenting the certificate of {@code context}. */
    public static TlsFront start(Mode mode, SSLContext context, int backendPort) {
        try {
            return new TlsFront(mode, context, backendPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The commands a client sent before TLS began (SMTP_STARTTLS), e.g. [EHLO x, STARTTLS]. */
    public List<String> clearTextCommands() {
        return List.copyOf(clearTextCommands);
    }

    /** How many connections clients opened: a client that retries (with other trust, say) opens a second. */
    public int connections() {
        return connections.get();
    }

    /** The protocol of every TLS session completed, e.g. [TLSv1.3]. */
    public List<String> completedHandshakes() {
        return List.copyOf(handshakes);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                sockets.add(client);
                Thread t = new Thread(() -> serve(client), "tls-front-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (Socket backend = new Socket(InetAddress.getByName("127.0.0.1"), backendPort)) {
            sockets.add(backend);
            Socket front = client;
            if (mode == Mode.IMPLICIT) {
                front = tls(client);
            } else {
                front = untilStartTls(client, backend);
                if (front == null) {
                    return;
                }
            }
            Socket clientSide = front;
            Thread up = new Thread(() -> pipe(clientSide, backend), "tls-front-up");
            up.setDaemon(true);
            up.start();
            pipe(backend, clientSide);
        } catch (IOException e) {
            // A refused handshake or a closed connection: the client sees it, the test asserts on that.
        } finally {
            closeQuietly(client);
        }
    }

    /** The plain part of an SMTP session: relays it, adds STARTTLS to EHLO; the TLS socket once STARTTLS is done. */
    private Socket untilStartTls(Socket client, Socket backend) throws IOException {
        InputStream fromClient = client.getInputStream();
        OutputStream toClient = client.getOutputStream();
        InputStream fromBackend = backend.getInputStream();
        OutputStream toBackend = backend.getOutputStream();
        toClient.write(reply(fromBackend).getBytes(StandardCharsets.US_ASCII));
        toClient.flush();
        while (true) {
            String command = line(fromClient);
            if (command == null) {
                return null;
            }
            clearTextCommands.add(command);
            String verb = command.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
            if (verb.equals("STARTTLS")) {
                toClient.write("220 2.0.0 Ready to start TLS\r\n".getBytes(StandardCharsets.US_ASCII));
                toClient.flush();
                return tls(client);
            }
            toBackend.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            toBackend.flush();
            String answer = reply(fromBackend);
            if (verb.equals("EHLO") && answer.startsWith("250")) {
                answer = answer.replaceFirst("(?m)^250 ", "250-") + "250 STARTTLS\r\n";
            }
            toClient.write(answer.getBytes(StandardCharsets.US_ASCII));
            toClient.flush();
        }
    }

    private SSLSocket tls(Socket plain) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        handshakes.add(tls.getSession().getProtocol());
        sockets.add(tls);
        return tls;
    }

    /** One SMTP reply, every line of it (a line whose fourth character is '-' announces another). */
    private static String reply(InputStream in) throws IOException {
        StringBuilder all = new StringBuilder();
        String line;
        do {
            line = line(in);
            if (line == null) {
                throw new IOException("the server closed the connection");
            }
            all.append(line).append("\r\n");
        } while (line.length() > 3 && line.charAt(3) == '-');
        return all.toString();
    }

    /** A line read byte by byte: nothing after it is consumed, so the TLS handshake that follows is left intact. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return null;
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        new ArrayList<>(sockets).forEach(TlsFront::closeQuietly);
    }
}
