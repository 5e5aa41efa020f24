package org.lettermerge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.schedule.Scheduler;
import org.lettermerge.schedule.Sleeper;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.MimeParts;
import org.lettermerge.testsupport.ReceivedMessage;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.testsupport.TestTime;

/**
 * A new version of a campaign queued while `run` is sending it (`send --live --at … --accept-changes` does not
 * need the sender lock): every letter after it is made from the new files, none from the ones they replaced.
 * Talks to the scripted SMTP server in test support.
 */
class SchedulerNewVersionIT {

    @TempDir Path dir;

    @Test
    void lettersAfterANewVersionIsQueuedMidRunAreMadeFromTheNewTemplate() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "rate: 1/min", "", ScheduledCampaign.recipients(4));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");
            assertThat(campaign.queue(time, "2027-01-04T10:00Z").exitCode()).isZero();

            StopSignal stop = new StopSignal();
            Sleeper waits = time.sleeperUntil(stop, () -> server.messages().size() >= 4,
                    Instant.parse("2027-01-04T11:00:00Z"));
            AtomicReference<CliRun> requeued = new AtomicReference<>();
            // After the first letter, while the scheduler waits for the pace, the organizer edits the letter and
            // queues the new version from another terminal.
            Sleeper sleeper = duration -> {
                if (server.messages().size() == 1 && requeued.get() == null) {
                    try {
                        Files.writeString(dir.resolve("letter.txt.mustache"), "Dear {{name}},\n\nVersion two.\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    requeued.set(campaign.cli(time, "send", campaign.campaignFile(), "--live", "--at",
                            time.instant().plusSeconds(30).toString(), "--accept-changes"));
                }
                waits.sleep(duration);
            };
            campaign.runScheduler(time, sleeper, stop, Scheduler.Mode.FOREVER);

            assertThat(requeued.get().exitCode()).as(requeued.get().toString()).isZero();
            List<ReceivedMessage> messages = server.messages();
            assertThat(messages).hasSize(4);
            assertThat(MimeParts.text(messages.get(0).toMimeMessage())).contains("We write about justice");
            for (ReceivedMessage later : messages.subList(1, 4)) {
                assertThat(MimeParts.text(later.toMimeMessage())).as(later.recipients().toString())
                        .contains("Version two.").doesNotContain("We write about justice");
            }
            assertThat(campaign.campaign().version()).isEqualTo(2);
        }
    }
}
