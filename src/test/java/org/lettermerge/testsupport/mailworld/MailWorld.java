package org.lettermerge.testsupport.mailworld;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Real mail software on loopback, private to one test: a Postfix that accepts mail on 127.0.0.1 and delivers
 * every local domain to a Dovecot over LMTP (Sieve runs there: vacation, reject), bounces unknown users with real
 * RFC 3464 reports, and can send nothing off the machine ({@code default_transport = error}); the Dovecot serves
 * the mailboxes over IMAP on 127.0.0.1. Configuration, queue, Maildirs and logs are in a temporary folder of its
 * own; the system's /etc/postfix, /etc/dovecot and their services are never touched. {@link #close()} stops both
 * by PID and removes the folder.
 *
 * <pre>
 * try (MailWorld world = MailWorld.start(organizers, List.of(MailUser.plain("ana@gov.test")), Map.of())) {
 *     ... send through 127.0.0.1:world.smtpPort(), read world.imapPort() as world.organizers() ...
 *     MimeMessage letter = world.awaitMessage("ana@gov.test", "the letter", m -> true);
 * }
 * </pre>
 * Needs Debian's postfix, dovecot-imapd, dovecot-lmtpd and dovecot-sieve, and root: without them it fails, saying
 * how to install them ({@code .ci/run} does).
 */
public final class MailWorld implements AutoCloseable {

    /** Local delivery takes milliseconds here; this bound only stops a broken world from hanging the build. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final Path root;
    private final MailUser organizers;
    private final Postfix postfix;
    private final Dovecot dovecot;
    private final int smtpPort;
    private final int imapPort;
    private final List<Daemon> daemons = new ArrayList<>();

    private MailWorld(Path root, MailUser organizers, Postfix postfix, Dovecot dovecot, int smtpPort, int imapPort) {
        this.root = root;
        this.organizers = organizers;
        this.postfix = postfix;
        this.dovecot = dovecot;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /**
     * Builds and starts the world in a new folder under the system's temporary folder (not a test's @TempDir, which
     * only root may enter: Dovecot stores mail as nobody): the organizers' mailbox and the {@code users}' mailboxes, their domains local; {@code aliases} maps an address
     * to another (e.g. the bounce address to the organizers'; plus addressing keeps {@code +TOKEN}).
     */
    public static MailWorld start(MailUser organizers, List<MailUser> users, Map<String, String> aliases) {
        Installed programs = Installed.require();
        List<MailUser> all = new ArrayList<>(List.of(organizers));
        all.addAll(users);
        LinkedHashSet<String> domains = new LinkedHashSet<>();
        all.forEach(u -> domains.add(u.domain()));
        aliases.keySet().forEach(a -> domains.add(a.substring(a.indexOf('@') + 1)));
        int[] ports = freePorts(3);
        MailWorld world = null;
        Path root = null;
        try {
            root = Files.createTempDirectory("lettermerge-mailworld-");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Postfix postfix = new Postfix(root, programs);
            Dovecot dovecot = new Dovecot(root, programs);
            postfix.configure(ports[0], ports[1], List.copyOf(domains),
                    aliases.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
            dovecot.configure(ports[2], ports[1], ports[0], "postmaster@" + organizers.domain(), all);
            world = new MailWorld(root, organizers, postfix, dovecot, ports[0], ports[2]);
            world.daemons.add(dovecot.start());
            world.daemons.add(postfix.start());
            for (int port : ports) {
                world.awaitListening(port);
            }
            return world;
        } catch (IOException | RuntimeException e) {
            if (world != null) {
                world.close();
            } else if (root != null) {
                removeTree(root);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** The organizers' mailbox: its address is the IMAP user name. */
    public MailUser organizers() {
        return organizers;
    }

    /** Every message stored in a user's mailbox so far, oldest first, read from the Maildir's files. */
    public List<MimeMessage> messages(String address) {
        return Maildir.read(dovecot.maildir(address));
    }

    /** Waits (bounded by {@link #WAIT}) for a message in a user's mailbox that {@code wanted} accepts. */
    public MimeMessage awaitMessage(String address, String what, Predicate<MimeMessage> wanted) {
        MimeMessage[] found = new MimeMessage[1];
        await(what + " in " + address + "'s mailbox", () -> {
            Optional<MimeMessage> m = messages(address).stream().filter(wanted).findFirst();
            m.ifPresent(x -> found[0] = x);
            return m.isPresent();
        });
        return found[0];
    }

    /** Waits until Postfix's queue is empty: every message delivered to Dovecot or bounced, every notice too. */
    public void awaitQueueEmpty() {
        await("an empty Postfix queue", postfix::queueEmpty);
    }

    /**
     * Submits a message to Postfix over SMTP as a mail client does, from its From address (the envelope sender)
     * to its To and Cc addresses.
     */
    public void submit(MimeMessage message) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        try {
            props.put("mail.smtp.from", ((InternetAddress) message.getFrom()[0]).getAddress());
            Session session = Session.getInstance(props);
            MimeMessage copy = new MimeMessage(message);
            Address[] to = copy.getAllRecipients();
            try (Transport t = session.getTransport("smtp")) {
                t.connect();
                copy.saveChanges();
                t.sendMessage(copy, to);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Postfix refused a message: " + e.getMessage() + logs(), e);
        }
    }

    /**
     * Stops Postfix and Dovecot by their PIDs (and their children's), checks nothing listens any more, and removes
     * the folder.
     */
    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            daemons.get(i).close();
        }
        daemons.clear();
        for (int port : new int[] {smtpPort, imapPort}) {
            await("end of the listener on 127.0.0.1:" + port, () -> !listening(port));
        }
        removeTree(root);
    }

    private static void removeTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot remove the mail world's folder " + root + ": " + e.getMessage(), e);
        }
    }

    private void awaitListening(int port) {
        await("a listener on 127.0.0.1:" + port, () -> {
            daemons.forEach(Daemon::requireAlive);
            return listening(port);
        });
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException notListening) {
            return false;
        }
    }

    /** A bounded poll: these servers work in their own processes, so there is nothing to wait on but their files. */
    private void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " after " + WAIT.toSeconds() + " s" + logs());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    private String logs() {
        return "\n--- postfix.log ---" + Daemon.tail(postfix.log()) + "\n--- dovecot.log ---" + Daemon.tail(dovecot.log());
    }

    private static int[] freePorts(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // The port is free again either way.
                }
            }
        }
    }
}
