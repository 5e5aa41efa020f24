package org.lettermerge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.ChildLettermerge;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * `send --live` of a second campaign while `lettermerge run` (a child JVM) sends from the same log: it cannot
 * send itself (exit 7), so it queues the campaign for the running scheduler, says so and how to stop it, and the
 * scheduler sends every one of its letters once. Talks to the scripted SMTP server in test support.
 */
class SendWhileRunIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir Path dir;

    @Test
    void aCampaignSentWhileRunIsGoingIsQueuedForItAndSentOnce() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            var first = ScheduledCampaign.write(Files.createDirectories(dir.resolve("first")), server.port(), "", "",
                    ScheduledCampaign.recipients(2));
            String soon = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).toString();
            assertThat(first.queue(Clock.systemUTC(), soon).exitCode()).isZero();
            CampaignFolder second = CampaignFolder.in(Files.createDirectories(dir.resolve("second")))
                    .write("campaign.yaml", """
                            name: second-letter
                            from: Drill Sender <sender@example.org>
                            subject: "A second letter for {{name}}"
                            template: letter.txt.mustache
                            recipients: recipients.csv
                            database: ../first/lettermerge.db
                            smtp:
                              host: 127.0.0.1
                              port: %d
                              security: none
                            """.formatted(server.port()))
                    .write("letter.txt.mustache", CampaignFolder.LETTER)
                    .write("recipients.csv", "email,name\nana@example.org,Ana\nbo@example.org,Bo\nchen@example.org,Chen\n");

            try (var run = ChildLettermerge.start(dir, "run", "--db", first.database().toString(), "--poll", "1s")) {
                server.awaitMessages(2, WAIT);

                CliRun send = first.cli(Clock.systemUTC(), "send", second.campaign(), "--live");

                assertThat(send.exitCode()).as(send.toString()).isEqualTo(7);
                assertThat(send.out()).as(send.toString())
                        .contains("Queued for the scheduler: `lettermerge run` (process ")
                        .contains("it will send second-letter too (3 letters to send now, as its pace allows)")
                        .contains("press Ctrl-C where it runs");
                server.awaitMessages(5, WAIT);
                assertThat(run.isAlive()).as(run.output().toString()).isTrue();
                run.kill();
            }
            for (String address : new String[] {"ana@example.org", "bo@example.org", "chen@example.org"}) {
                assertThat(server.messagesTo(address)).as(address).hasSize(1);
            }
            assertThat(server.messages()).hasSize(5);
        }
    }
}
