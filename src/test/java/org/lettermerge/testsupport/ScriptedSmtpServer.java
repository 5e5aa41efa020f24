package org.lettermerge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * A small ESMTP server on 127.0.0.1 whose replies come from a {@link Script}, for the faults GreenMail cannot
 * produce: 4yz/5yz on RCPT, 421 greetings, a connection dropped after the final ".", a reply that never comes.
 * One daemon thread per connection. It records every command and every accepted message, and lets a test wait
 * for them on a monitor with a timeout, never by sleeping.
 *
 * <pre>
 * try (var server = ScriptedSmtpServer.start(Script.rejectRcpt("x@example.org", 550, "5.1.1 User unknown"))) {
 *     ... send to "127.0.0.1", server.port() ...
 *     assertThat(server.awaitMessages(1, Duration.ofSeconds(5))).hasSize(1);
 * }
 * </pre>
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final Script script;
    private final ServerSocket listener;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<ReceivedMessage> messages = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private int connections;
    private int transactions;
    private int stalls;
    private int disconnects;

    private ScriptedSmtpServer(Script script) throws IOException {
        this.script = script;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ScriptedSmtpServer start(Script script) {
        try {
            return new ScriptedSmtpServer(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback server socket", e);
        }
    }

    public static ScriptedSmtpServer start() {
        return start(Script.acceptAll());
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return listener.getLocalPort();
    }

    public synchronized List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    /** Every command line received, in order, across connections; the final "." of DATA is logged as ".". */
    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    /** The accepted messages whose envelope names {@code address}: how many copies that recipient got. */
    public synchronized List<ReceivedMessage> messagesTo(String address) {
        return messages.stream().filter(m -> m.recipients().stream().anyMatch(address::equalsIgnoreCase)).toList();
    }

    /** How many times a client asked for {@code address} with RCPT TO, whatever the server answered. */
    public synchronized long rcptCommandsFor(String address) {
        String command = "rcpt to:<" + address.toLowerCase(Locale.ROOT) + ">";
        return commands.stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(command)).count();
    }

    public synchronized int connectionCount() {
        return connections;
    }

    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        await(count + " accepted messages", () -> messages.size() >= count, timeout);
        return messages();
    }

    /** Waits until the server has reached a {@link Reply#stall()} and is holding the connection. */
    public void awaitStall(Duration timeout) {
        await("a stalled reply", () -> stalls > 0, timeout);
    }

    /** Waits until {@code count} connections have ended (closed by either side). */
    public void awaitDisconnects(int count, Duration timeout) {
        await(count + " ended connections", () -> disconnects >= count, timeout);
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing is best effort: the test is over
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // as above
            }
        }
    }

    private synchronized void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out after " + timeout + " waiting for " + what
                            + "; commands so far: " + commands);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                sockets.add(socket);
                int number;
                synchronized (this) {
                    number = ++connections;
                }
                Thread thread = new Thread(() -> new ScriptedSession(this, script, socket, number).run(),
                        "scripted-smtp-" + port() + "-" + number);
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return; // the listener was closed
            }
        }
    }

    // Callbacks from the sessions. Each one wakes the waiting test.

    synchronized int nextTransaction() {
        return transactions++;
    }

    synchronized void logCommand(String line) {
        commands.add(line);
        notifyAll();
    }

    synchronized void accepted(ReceivedMessage message) {
        messages.add(message);
        notifyAll();
    }

    void stallUntilClosed() {
        synchronized (this) {
            stalls++;
            notifyAll();
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void disconnected() {
        disconnects++;
        notifyAll();
    }
}
