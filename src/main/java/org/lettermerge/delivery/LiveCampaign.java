package org.lettermerge.delivery;

import jakarta.mail.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.message.MessageFactory;
import org.lettermerge.smtp.SmtpClient;

/**
 * A campaign the scheduler is sending: its compiled templates and data, and its connection to the mail server,
 * opened when the first letter is due and renewed every {@code messages_per_connection} letters (providers cap
 * how many messages one connection may carry).
 */
final class LiveCampaign implements AutoCloseable {

    final PreparedCampaign prepared;
    final MessageFactory messages;
    final DueLetters due = new DueLetters();
    private final char[] password;
    private final Path sandboxMail;
    private MailServer server;
    private int sentOnConnection;

    LiveCampaign(PreparedCampaign prepared, char[] password, Path sandboxMail, Clock clock) {
        this.prepared = prepared;
        this.password = password;
        this.sandboxMail = sandboxMail;
        this.messages = new MessageFactory(Session.getInstance(new Properties()), prepared.campaign().sender(),
                prepared.campaign().attachments(), clock);
    }

    String account() {
        return prepared.campaign().smtp().account();
    }

    /** Whether its account has a budget to spend: a rate or a daily cap (an unlimited one keeps no slots). */
    boolean paced() {
        var limits = prepared.campaign().smtp().pacing().limits();
        return !limits.rate().isUnlimited() || limits.hasDailyCap();
    }

    /** The connection, opened (and the server started, for the sandbox) on first use. */
    SmtpClient client() {
        if (server == null) {
            MailServer opened = MailServer.open(prepared.campaign().smtp(), password, sandboxMail);
            try {
                opened.client().connect();
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            server = opened;
            sentOnConnection = 0;
        }
        return server.client();
    }

    String serverDescription() {
        return server == null ? null : server.description();
    }

    /** Counts a message on the current connection and reconnects when the provider's per-connection cap is reached. */
    void sent() {
        int cap = prepared.campaign().smtp().pacing().messagesPerConnection();
        if (server != null && cap > 0 && ++sentOnConnection >= cap) {
            server.client().connect();
            sentOnConnection = 0;
        }
    }

    /** Drops the connection (after the server refused us); the next letter opens a new one. */
    void disconnect() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        disconnect();
    }
}
