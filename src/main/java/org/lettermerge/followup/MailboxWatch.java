package org.lettermerge.followup;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.smtp.Credentials;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;

/**
 * `run --read-mailboxes`: reads the mailbox of every campaign in the log that has one, once now and then every
 * interval while the scheduler runs, on its own connection to the log. A mailbox that cannot be read is reported
 * and tried again next time: replies arriving late must never stop letters going out.
 */
public final class MailboxWatch implements AutoCloseable {

    private final Path database;
    private final Clock clock;
    private final Function<Campaign, Credentials> credentials;
    private final PrintWriter err;
    private ScheduledExecutorService timer;

    /** @param credentials a campaign's mailbox password or sign-in */
    public MailboxWatch(Path database, Clock clock, Function<Campaign, Credentials> credentials, PrintWriter err) {
        this.database = database;
        this.clock = clock;
        // Asked once per mailbox, not at every reading (a prompt every five minutes would be no way to run).
        Map<String, Credentials> known = new ConcurrentHashMap<>();
        this.credentials = c -> known.computeIfAbsent(c.mailbox().username() + "@" + c.mailbox().host() + ":"
                + c.mailbox().port() + ":" + c.mailbox().auth(), key -> credentials.apply(c));
        this.err = err;
    }

    /** Reads every campaign's mailbox once; returns how many new messages were recorded. */
    public int readAll() {
        int recorded = 0;
        try (DeliveryLog log = DeliveryLog.openExisting(database, clock)) {
            for (CampaignRecord record : log.control().all()) {
                if (log.followups().of(record).isPresent()) {
                    continue; // a reminder's replies arrive in its parent's mailbox, read with the parent
                }
                recorded += readOne(log, record);
            }
        }
        return recorded;
    }

    /** Reads now, then every {@code interval} in the background until closed. */
    public MailboxWatch every(Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lettermerge-mailboxes");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::readAllReportingFailures, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void readAllReportingFailures() {
        try {
            readAll();
        } catch (RuntimeException e) {
            report("reading the mailboxes failed: " + e.getMessage() + "; trying again next time");
        }
    }

    private int readOne(DeliveryLog log, CampaignRecord record) {
        Campaign campaign;
        try {
            campaign = CampaignFile.load(Path.of(record.campaignFile()));
        } catch (InvalidInputException e) {
            report(record.name() + ": its campaign file cannot be read, so neither can its mailbox: " + e.getMessage());
            return 0;
        }
        if (campaign.mailbox() == null) {
            return 0;
        }
        try {
            InboxReport report = new InboxReader(log, clock).read(campaign.mailbox(),
                    credentials.apply(campaign), record, new RenderedSubjects(campaign, log, record));
            if (!report.recorded().isEmpty()) {
                report(record.name() + ": " + report.recorded().size() + " new messages in " + report.mailbox());
            }
            return report.recorded().size();
        } catch (RuntimeException e) {
            report(record.name() + ": its mailbox cannot be read now (" + e.getMessage() + "); trying again next time");
            return 0;
        }
    }

    private synchronized void report(String line) {
        err.println(line);
        err.flush();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
