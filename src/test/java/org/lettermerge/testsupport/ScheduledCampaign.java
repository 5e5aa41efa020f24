package org.lettermerge.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lettermerge.cli.Main;
import org.lettermerge.delivery.CampaignSources;
import org.lettermerge.schedule.Progress;
import org.lettermerge.schedule.Scheduler;
import org.lettermerge.schedule.Sleeper;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.Event;
import org.lettermerge.store.EventKind;
import org.lettermerge.store.StoredRecipient;

/**
 * A campaign folder for scheduler tests: its relay is a test server on 127.0.0.1 without TLS, its schedule in UTC
 * unless the test says otherwise, and whatever smtp/schedule keys the test adds. It is queued with the real CLI
 * ({@code send --live --at}) and sent by a {@link Scheduler} built the way {@code lettermerge run} builds one, with
 * the test's clock and sleeper. The log is read back with the real store code.
 */
public final class ScheduledCampaign {

    public static final String NAME = "schedule-drill";

    private final CampaignFolder folder;

    private ScheduledCampaign(CampaignFolder folder) {
        this.folder = folder;
    }

    /**
     * @param smtpKeys     extra keys of the smtp section, one per line (e.g. "rate: 10/min"), or ""
     * @param scheduleKeys keys of the schedule section, one per line; "timezone: UTC" unless they name one
     */
    public static ScheduledCampaign write(Path dir, int smtpPort, String smtpKeys, String scheduleKeys,
                                          String recipientsCsv) {
        String schedule = scheduleKeys.contains("timezone:") ? scheduleKeys : "timezone: UTC\n" + scheduleKeys;
        String yaml = """
                name: %s
                from: Drill Sender <sender@example.org>
                subject: "A letter for {{name}}"
                to_name: "{{name}}"
                template: letter.txt.mustache
                recipients: recipients.csv
                database: lettermerge.db
                smtp:
                  host: 127.0.0.1
                  port: %d
                  security: none
                %s
                schedule:
                %s
                """.formatted(NAME, smtpPort, smtpKeys.strip().indent(2).stripTrailing(),
                schedule.strip().indent(2).stripTrailing());
        return new ScheduledCampaign(CampaignFolder.in(dir).write("campaign.yaml", yaml)
                .write("letter.txt.mustache", CampaignFolder.LETTER).write("recipients.csv", recipientsCsv));
    }

    /** "email,name" and n recipients r01@example.org … (names R01 …). */
    public static String recipients(int n) {
        StringBuilder csv = new StringBuilder("email,name\n");
        for (int i = 1; i <= n; i++) {
            csv.append(address(i)).append(",R").append(String.format("%02d", i)).append('\n');
        }
        return csv.toString();
    }

    public static String address(int i) {
        return String.format("r%02d@example.org", i);
    }

    public String campaignFile() {
        return folder.campaign();
    }

    public Path database() {
        return folder.database();
    }

    /** {@code lettermerge send CAMPAIGN --live --at AT} at the clock's time. */
    public CliRun queue(Clock clock, String at) {
        return cli(clock, "send", campaignFile(), "--live", "--at", at);
    }

    /** Runs {@code lettermerge args...} in-process through {@link Main#run} with the given clock. */
    public CliRun cli(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(clock, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A scheduler over this campaign's log, as `run` builds it (campaigns read from their files, no password). */
    public Scheduler.Report runScheduler(Clock clock, Sleeper sleeper, StopSignal stop, Scheduler.Mode mode)
            throws InterruptedException {
        try (DeliveryLog log = DeliveryLog.openExisting(database(), clock)) {
            Scheduler scheduler = new Scheduler(log, clock, sleeper, stop,
                    CampaignSources.fromFiles(log, database(), choice -> null, java.util.Map.of(), clock), Progress.NONE,
                    Duration.ofSeconds(30));
            return scheduler.run(mode, c -> true, 0);
        }
    }

    public CampaignRecord campaign() {
        try (DeliveryLog log = DeliveryLog.openExisting(database(), Clock.systemUTC())) {
            return log.findCampaign(NAME).orElseThrow(() -> new AssertionError(NAME + " is not in the log"));
        }
    }

    /** Every recipient row, by address, in queue order. */
    public Map<String, StoredRecipient> rows() {
        try (DeliveryLog log = DeliveryLog.openExisting(database(), Clock.systemUTC())) {
            Map<String, StoredRecipient> rows = new LinkedHashMap<>();
            log.recipients(log.findCampaign(NAME).orElseThrow()).forEach(r -> rows.put(r.email(), r));
            return rows;
        }
    }

    public StoredRecipient row(String email) {
        StoredRecipient row = rows().get(email);
        if (row == null) {
            throw new AssertionError("no row for " + email);
        }
        return row;
    }

    /** The campaign's whole history, oldest first. */
    public List<Event> history() {
        try (DeliveryLog log = DeliveryLog.openExisting(database(), Clock.systemUTC())) {
            return log.history(log.findCampaign(NAME).orElseThrow());
        }
    }

    public List<Event> events(EventKind kind) {
        return history().stream().filter(e -> e.kind() == kind).toList();
    }

    /** When each attempt was claimed (its slot), oldest first. */
    public List<Instant> claimTimes() {
        return events(EventKind.CLAIMED).stream().map(Event::at).toList();
    }

    /** When attempts of one recipient were claimed, oldest first. */
    public List<Instant> claimTimes(String email) {
        long id = row(email).id();
        return events(EventKind.CLAIMED).stream().filter(e -> e.recipientId() != null && e.recipientId() == id)
                .map(Event::at).toList();
    }
}
