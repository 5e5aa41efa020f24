package org.lettermerge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.cli.Main;
import org.lettermerge.schedule.Progress;
import org.lettermerge.schedule.Scheduler;
import org.lettermerge.schedule.Sleeper;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.CampaignFolder;

/**
 * Many campaigns in one log, sent by one scheduler on several connections each, through GreenMail: the shape in
 * which the scheduler's shared state was once read by one worker while another was filling it (a plain map of
 * loaded campaigns, read outside the lock: a worker could find its campaign missing mid-resize). That race's window
 * is a map resize, microseconds: this stress loop did not catch it on the old code in three runs, and is no proof
 * of its absence. The race is gone by construction — the dispatcher's state is touched only under its lock — and
 * this test holds what matters to organizers in that shape: every letter arrives exactly once, ACCEPTED in the log.
 */
class SchedulerManyCampaignsIT {

    private static final int CAMPAIGNS = 20;
    private static final int LETTERS = 4;

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path dir;

    @RepeatedTest(2)
    void everyLetterOfEveryCampaignArrivesOnce() throws Exception {
        greenMail.reset();
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Clock queuedAt = Clock.fixed(start.minus(Duration.ofHours(1)), ZoneOffset.UTC);
        for (int k = 1; k <= CAMPAIGNS; k++) {
            queue(k, start.toString(), queuedAt);
        }
        // Every campaign's start has just come: the scheduler sees all of them at once.
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start.plusSeconds(10)));
        Scheduler.Report report;
        Path database = dir.resolve("log.db");
        try (DeliveryLog log = DeliveryLog.openExisting(database, clock)) {
            Scheduler scheduler = new Scheduler(log, clock, Sleeper.REAL, new StopSignal(),
                    CampaignSources.fromFiles(log, database, choice -> null, Map.of(), clock), Progress.NONE,
                    Duration.ofSeconds(1));
            report = scheduler.run(Scheduler.Mode.UNTIL_IDLE, c -> true, 0);
        }

        assertThat(report.count(State.ACCEPTED)).as(report.toString()).isEqualTo(CAMPAIGNS * LETTERS);
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            for (Address to : m.getAllRecipients()) {
                copies.merge(to.toString(), 1, Integer::sum);
            }
        }
        assertThat(copies).hasSize(CAMPAIGNS * LETTERS).allSatisfy((address, n) -> assertThat(n).as(address).isOne());
        try (DeliveryLog log = DeliveryLog.openExisting(database, clock)) {
            for (var campaign : log.control().all()) {
                assertThat(log.recipients(campaign)).as(campaign.name()).hasSize(LETTERS)
                        .allSatisfy(r -> assertThat(r.state()).isEqualTo(State.ACCEPTED));
            }
        }
    }

    /** Campaign {@code k}: its own folder, name and recipients, the shared log, four connections, no pacing. */
    private void queue(int k, String at, Clock clock) throws Exception {
        StringBuilder csv = new StringBuilder("email,name\n");
        for (int i = 1; i <= LETTERS; i++) {
            csv.append("c").append(k).append("-r").append(i).append("@example.org,Person ").append(i).append('\n');
        }
        Path folder = Files.createDirectories(dir.resolve("campaign-" + k));
        CampaignFolder files = CampaignFolder.in(folder)
                .write("campaign.yaml", """
                        name: drill-%d
                        from: Drill Sender <sender@example.org>
                        subject: "A letter for {{name}}"
                        to_name: "{{name}}"
                        template: letter.txt.mustache
                        recipients: recipients.csv
                        database: ../log.db
                        smtp:
                          host: 127.0.0.1
                          port: %d
                          security: none
                          rate: unlimited
                          connections: 4
                        schedule:
                          timezone: UTC
                        """.formatted(k, greenMail.getSmtp().getPort()))
                .write("letter.txt.mustache", CampaignFolder.LETTER)
                .write("recipients.csv", csv.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(clock, new PrintWriter(out, true), new PrintWriter(err, true),
                "send", files.campaign(), "--live", "--at", at);
        assertThat(code).as(out + "\n" + err).isZero();
    }
}
