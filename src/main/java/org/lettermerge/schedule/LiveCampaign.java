package org.lettermerge.schedule;

import jakarta.mail.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.lettermerge.campaign.LetterSizes;
import org.lettermerge.campaign.Preflight;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.message.MessageFactory;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.schedule.MessageSizeLimit;
import org.lettermerge.smtp.MailServer;
import org.lettermerge.smtp.Mailer;

/**
 * A campaign the scheduler is sending: its compiled templates and data, its due letters, and one connection per
 * sending worker, opened when that worker's first letter is due and renewed every {@code messages_per_connection}
 * letters (providers cap how many messages one connection may carry).
 */
public final class LiveCampaign implements AutoCloseable {

    final PreparedCampaign prepared;
    final MessageFactory messages;
    final DueLetters due = new DueLetters();
    private final char[] password;
    private final Path sandboxMail;
    private final Clock clock;
    /*
     * Opening the server and a connection happens under this object's monitor, over the network; the dispatcher,
     * holding its own lock, only reads whether a worker is connected and the server's name — from concurrent
     * fields, so that a slow connect never holds up the other workers' next letters.
     */
    private volatile MailServer server;
    private final Map<Integer, Mailer> clients = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> sentOnConnection = new ConcurrentHashMap<>();
    private int consecutiveFailures;
    /** Whether any of its letters was ever attempted (a campaign under way is never "missed"); the dispatcher's. */
    boolean started;

    public LiveCampaign(PreparedCampaign prepared, char[] password, Path sandboxMail, Clock clock, int consecutiveFailures) {
        this.prepared = prepared;
        this.password = password;
        this.sandboxMail = sandboxMail;
        this.consecutiveFailures = consecutiveFailures;
        this.clock = clock;
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

    int connections() {
        return prepared.campaign().smtp().pacing().connections();
    }

    /** Worker {@code worker}'s connection, opened (and the sandbox started) on first use. */
    synchronized Mailer client(int worker) {
        if (server == null) {
            server = MailServer.open(prepared.campaign().smtp(), password, sandboxMail, clock);
        }
        Mailer client = clients.get(worker);
        if (client == null) {
            client = server.connect();
            refuseLettersOverTheServersSize(client);
            clients.put(worker, client);
            sentOnConnection.put(worker, 0);
        }
        return client;
    }

    /**
     * Each connection is opened before its first letter is claimed, so a server whose EHLO announces a SIZE below
     * the largest letter stops the run here: no row claimed, nothing half-sent, rather than one 552 per recipient
     * after each body has gone out. The letters are measured only when preflight's upper bound is over the SIZE;
     * as the CSV has them now (the rows the log holds are the same unless the campaign changed, which stops a run).
     */
    private void refuseLettersOverTheServersSize(Mailer client) {
        long announced = client.announcedSizeLimit();
        if (announced == 0 || prepared.largestLetterBound() <= announced) {
            return;
        }
        MessageSizeLimit limit = new MessageSizeLimit(announced,
                "SIZE " + announced + " in the EHLO reply of " + server.description());
        LetterSizes sizes = Preflight.measureLetters(prepared);
        if (sizes.measured() && limit.exceededBy(sizes.largestBytes())) {
            throw new InvalidInputException(Problem.error(sizes.largestWhere(), sizes.tooLarge(limit)));
        }
    }

    boolean isConnected(int worker) {
        return clients.containsKey(worker);
    }

    String serverDescription() {
        MailServer open = server;
        return open == null ? null : open.description();
    }

    /** Counts a message on a worker's connection; reconnects when the provider's per-connection cap is reached. */
    void sent(int worker) {
        int cap = prepared.campaign().smtp().pacing().messagesPerConnection();
        Mailer client;
        synchronized (this) {
            int count = sentOnConnection.merge(worker, 1, Integer::sum);
            client = cap > 0 && count >= cap ? clients.get(worker) : null;
            if (client != null) {
                sentOnConnection.put(worker, 0);
            }
        }
        if (client != null) {
            client.connect();
        }
    }

    /** The error budget's counter, kept here as well as in the log so that each letter need not re-read it. */
    synchronized int countFailure(boolean failed) {
        consecutiveFailures = failed ? consecutiveFailures + 1 : 0;
        return consecutiveFailures;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Drops a worker's connection (the server refused us on it); its next letter opens a new one. */
    synchronized void disconnect(int worker) {
        Mailer client = clients.remove(worker);
        if (client != null) {
            client.close();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        clients.clear();
    }
}
