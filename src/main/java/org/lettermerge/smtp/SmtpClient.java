package org.lettermerge.smtp;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP connection, reused for many messages (a connection per message costs a TCP and TLS handshake and a login
 * each time, and looks like abuse to providers). Each {@link #send} is one mail transaction for exactly one recipient,
 * so every outcome belongs to one person. Not thread-safe in use: its methods are synchronized, like Angus's transport.
 */
public final class SmtpClient implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(SmtpClient.class);

    /**
     * A connection idle this long is tested with NOOP before it carries a letter. Servers close idle connections
     * (RFC 5321 4.5.3.2.7 lets them after 5 minutes; some providers cut sooner), often with a 421 that the next
     * command would read as the server pushing back — and a paced campaign leaves its connections idle between
     * letters. A dead one is replaced before the letter is begun.
     */
    static final Duration IDLE_CHECK = Duration.ofSeconds(30);
    private static final Provider PROVIDER = new Provider(Provider.Type.TRANSPORT, "smtp",
            DataEndTransport.class.getName(), "lettermerge", "1");

    private final SmtpSettings settings;
    private final char[] password;
    private final NoDelaySocketFactory sockets;
    private final Session session;
    private final Clock clock;
    private DataEndTransport transport;
    private Instant lastUsed;
    private boolean closed;

    /** {@code passwordOrNull} is copied (and the copy wiped on close); it is required exactly when a username is set. */
    public SmtpClient(SmtpSettings settings, char[] passwordOrNull) {
        this(settings, passwordOrNull, Clock.systemUTC());
    }

    /** @param clock tells how long the connection has been idle */
    public SmtpClient(SmtpSettings settings, char[] passwordOrNull, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sockets = new NoDelaySocketFactory(settings.writeTimeout());
        if ((settings.username() == null) != (passwordOrNull == null)) {
            throw new IllegalArgumentException(settings.username() == null
                    ? "a password was given but no SMTP username" : "SMTP username '" + settings.username() + "' has no password");
        }
        if (settings.sendsPasswordInClear()) {
            // The campaign checks refuse this first (smtp.allow_cleartext_login); this is the last line.
            throw new IllegalArgumentException("refusing to send the password for " + settings.username() + " to "
                    + settings.address() + " in clear text (security none)");
        }
        this.password = passwordOrNull == null ? null : passwordOrNull.clone();
        this.session = Session.getInstance(SessionProperties.of(settings, sockets));
    }

    /** Opens the connection (TLS, EHLO, login) now, so a bad setting fails before the first message. */
    public synchronized void connect() {
        if (closed) {
            throw new IllegalStateException("SmtpClient for " + settings.address() + " is closed");
        }
        disconnect();
        DataEndTransport fresh = newTransport();
        try {
            fresh.connect(settings.host(), settings.port(), settings.username(),
                    password == null ? null : new String(password));
        } catch (MessagingException e) {
            String lastReply = fresh.getLastServerResponse();
            quietlyClose(fresh);
            throw ConnectFailures.of(settings, e, lastReply);
        }
        // Angus skips the login silently when the server offers no AUTH; we would then send unauthenticated.
        if (settings.username() != null && !fresh.supportsExtension("AUTH") && !fresh.supportsExtension("AUTH=LOGIN")) {
            quietlyClose(fresh);
            throw ConnectFailures.authenticationNotOffered(settings);
        }
        transport = fresh;
        lastUsed = clock.instant();
        log.debug("connected to {} ({})", settings.address(), settings.security());
    }

    /**
     * Sends {@code message} to {@code envelopeRecipient} alone (the header recipients are not used for the envelope),
     * reconnecting first if the connection was lost.
     *
     * @throws ServerUnavailableException if reconnecting fails
     * @throws HandoffFailedException     if {@code handoff} failed: the final "." was not sent
     */
    public synchronized SendOutcome send(MimeMessage message, InternetAddress envelopeRecipient, DataHandoff handoff) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(envelopeRecipient, "envelopeRecipient");
        Objects.requireNonNull(handoff, "handoff");
        if (transport == null || sockets.current().isClosed() || idleAndGone()) {
            connect();
        }
        transport.prepare(handoff);
        try {
            transport.sendMessage(message, new Address[] {envelopeRecipient});
            return new SendOutcome.Accepted(transport.getLastReturnCode(), transport.getLastServerResponse().strip());
        } catch (HandoffFailedException e) {
            disconnect();
            throw e;
        } catch (MessagingException e) {
            SendOutcome outcome = SendFailures.outcomeOf(e, transport.finalDotStarted(), settings);
            if (connectionIsGone(outcome)) {
                disconnect();
            }
            log.debug("send to {} via {}: {}", envelopeRecipient.getAddress(), settings.address(), outcome.describe());
            return outcome;
        } finally {
            lastUsed = clock.instant();
        }
    }

    /** Angus's isConnected() sends NOOP and reads anything but a 421 as alive. */
    private boolean idleAndGone() {
        if (Duration.between(lastUsed, clock.instant()).compareTo(IDLE_CHECK) < 0 || transport.isConnected()) {
            return false;
        }
        log.debug("the idle connection to {} was closed by the server: reconnecting", settings.address());
        return true;
    }

    /** Whether the server takes 8-bit text as it is (RFC 6152 8BITMIME); false before the first connect. */
    public synchronized boolean acceptsEightBit() {
        return transport != null && transport.supportsExtension("8BITMIME");
    }

    /**
     * The largest message the server takes, from the {@code SIZE} keyword of its EHLO reply (RFC 1870 4); 0 when
     * it announces none, or 0 ("no fixed maximum"), or before the first connect. A message over it would be
     * refused with 552 after its whole body had been sent.
     */
    public synchronized long announcedSizeLimit() {
        if (transport == null || !transport.supportsExtension("SIZE")) {
            return 0;
        }
        String value = transport.getExtensionParameter("SIZE");
        try {
            return value == null || value.isBlank() ? 0 : Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            log.debug("{} announced an unreadable SIZE '{}': treated as none", settings.address(), value);
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        disconnect();
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    /** The plain TCP socket of the current connection, for tests. */
    synchronized Socket socket() {
        return sockets.current();
    }

    /** After these the next send must reconnect: Angus may still believe the dead connection is open. */
    private static boolean connectionIsGone(SendOutcome outcome) {
        return outcome instanceof SendOutcome.Unknown
                || outcome instanceof SendOutcome.NotHandedOver
                || outcome instanceof SendOutcome.ServerRefused refused && refused.code() == 421;
    }

    private DataEndTransport newTransport() {
        try {
            DataEndTransport fresh = (DataEndTransport) session.getTransport(PROVIDER);
            fresh.timeouts((int) settings.readTimeout().toMillis(), (int) settings.dataEndTimeout().toMillis());
            return fresh;
        } catch (NoSuchProviderException e) {
            throw new IllegalStateException("cannot load the SMTP transport " + PROVIDER.getClassName(), e);
        }
    }

    private void disconnect() {
        if (transport != null) {
            quietlyClose(transport);
            transport = null;
        }
    }

    private static void quietlyClose(DataEndTransport transport) {
        try {
            transport.close(); // QUIT, then close the socket; on a dead socket only the close happens
        } catch (MessagingException e) {
            log.debug("closing the SMTP connection: {}", e.getMessage());
        }
    }
}
