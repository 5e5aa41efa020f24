package org.lettermerge.testsupport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lettermerge.cli.Main;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.Event;
import org.lettermerge.store.StoredRecipient;

/**
 * A five-recipient campaign written into a folder, its relay at 127.0.0.1:port with security none and its delivery
 * log beside it; runs the real CLI in-process on it and reads the log back with the real store code.
 */
public final class CliCampaign {

    public static final String NAME = "fault-drill";
    public static final List<String> RECIPIENTS = List.of(
            "ada@example.org", "bea@example.org", "cy@example.org", "dov@example.org", "eve@example.org");

    private final Path dir;

    private CliCampaign(Path dir) {
        this.dir = dir;
    }

    /** A campaign whose relay waits 30 s for the reply to the final "." (long enough to kill a stalled sender). */
    public static CliCampaign write(Path dir, int smtpPort) {
        return write(dir, smtpPort, "30s");
    }

    /** @param dataEndTimeout the campaign file's smtp.timeouts.data_end, e.g. "500ms" */
    public static CliCampaign write(Path dir, int smtpPort, String dataEndTimeout) {
        try {
            Files.writeString(dir.resolve("campaign.yaml"), """
                    name: %s
                    from: Drill Sender <sender@example.org>
                    subject: "A letter for {{name}}"
                    to_name: "{{name}}"
                    template: letter.txt.mustache
                    recipients: recipients.csv
                    smtp:
                      host: 127.0.0.1
                      port: %d
                      security: none
                      timeouts:
                        connect: 5s
                        read: 10s
                        data_end: %s
                    database: lettermerge.db
                    """.formatted(NAME, smtpPort, dataEndTimeout));
            Files.writeString(dir.resolve("letter.txt.mustache"), """
                    Dear {{name}},

                    This letter is part of a fault drill.
                    """);
            Files.writeString(dir.resolve("recipients.csv"), """
                    email,name
                    ada@example.org,Ada
                    bea@example.org,Bea
                    cy@example.org,Cy
                    dov@example.org,Dov
                    eve@example.org,Eve
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CliCampaign(dir);
    }

    public Path file() {
        return dir.resolve("campaign.yaml");
    }

    public Path database() {
        return dir.resolve("lettermerge.db");
    }

    /** The arguments of {@code lettermerge send <campaign> --live}. */
    public String[] sendLiveArgs() {
        return new String[] {"send", file().toString(), "--live"};
    }

    public CliRun sendLive() {
        return run(sendLiveArgs());
    }

    /** {@code send --live} as if run at {@code clock}'s time: for retries that are due only later. */
    public CliRun sendLive(Clock clock) {
        return runAt(clock, sendLiveArgs());
    }

    public CliRun status() {
        return run("status", file().toString());
    }

    /** Runs {@code lettermerge args...} in this JVM through {@link Main#run}, the same path as the jar's main. */
    public CliRun run(String... args) {
        return runAt(Clock.systemUTC(), args);
    }

    public CliRun runAt(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(clock, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Every recipient row of the log, by address, in queue order. */
    public Map<String, StoredRecipient> rows() {
        try (DeliveryLog log = DeliveryLog.openExisting(database(), Clock.systemUTC())) {
            Map<String, StoredRecipient> rows = new LinkedHashMap<>();
            log.recipients(campaign(log)).forEach(r -> rows.put(r.email(), r));
            return rows;
        }
    }

    public StoredRecipient row(String email) {
        StoredRecipient row = rows().get(email);
        if (row == null) {
            throw new AssertionError("no row for " + email + " in " + database());
        }
        return row;
    }

    /** The history lines of one recipient, oldest first. */
    public List<Event> history(String email) {
        long id = row(email).id();
        try (DeliveryLog log = DeliveryLog.openExisting(database(), Clock.systemUTC())) {
            return log.history(campaign(log)).stream().filter(e -> e.recipientId() != null && e.recipientId() == id)
                    .toList();
        }
    }

    private static CampaignRecord campaign(DeliveryLog log) {
        return log.findCampaign(NAME).orElseThrow(() -> new AssertionError("campaign " + NAME + " is not in the log"));
    }
}
