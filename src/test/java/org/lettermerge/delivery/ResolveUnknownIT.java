package org.lettermerge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.EventKind;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.testsupport.TestTime;

/**
 * `resolve` settles a letter whose outcome is unknown, and only such a letter.
 * Talks to the scripted SMTP server in test support.
 */
class ResolveUnknownIT {

    @TempDir Path dir;

    @Test
    void resendQueuesAnUnknownLetterAgainWithItsOwnMessageId() throws Exception {
        String lost = ScheduledCampaign.address(2);
        try (var server = ScriptedSmtpServer.start(Script.dropAfterFinalDot(1))) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "", "", ScheduledCampaign.recipients(3));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");
            campaign.cli(time, "send", campaign.campaignFile(), "--live");
            var unknown = campaign.row(lost);
            assertThat(unknown.state()).isEqualTo(State.UNKNOWN);

            var resolved = campaign.cli(time, "resolve", campaign.campaignFile(), "--email", lost, "--as", "resend");

            assertThat(resolved.exitCode()).as(resolved.toString()).isZero();
            var queued = campaign.row(lost);
            assertThat(queued.state()).isEqualTo(State.QUEUED);
            assertThat(queued.messageId()).isEqualTo(unknown.messageId());
            assertThat(campaign.events(EventKind.RESOLVED)).singleElement()
                    .satisfies(e -> assertThat(e.recipientId()).isEqualTo(unknown.id()));

            var again = campaign.cli(time, "send", campaign.campaignFile(), "--live");

            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(server.messagesTo(lost)).singleElement().satisfies(m -> assertThat(
                    m.toMimeMessage().getMessageID()).contains(unknown.messageId()));
            assertThat(campaign.row(lost).state()).isEqualTo(State.ACCEPTED);
            for (String other : new String[] {ScheduledCampaign.address(1), ScheduledCampaign.address(3)}) {
                assertThat(server.messagesTo(other)).hasSize(1);
            }
        }
    }

    @Test
    void acceptedRecordsTheLetterAsArrivedAndOnlyAnUnknownLetterCanBeResolved() throws Exception {
        String lost = ScheduledCampaign.address(1);
        try (var server = ScriptedSmtpServer.start(Script.dropAfterFinalDot(0))) {
            var campaign = ScheduledCampaign.write(dir, server.port(), "", "", ScheduledCampaign.recipients(2));
            TestTime time = TestTime.at("2027-01-04T10:00:00Z");
            campaign.cli(time, "send", campaign.campaignFile(), "--live");
            assertThat(campaign.row(lost).state()).isEqualTo(State.UNKNOWN);

            var accepted = campaign.cli(time, "resolve", campaign.campaignFile(), "--email", lost, "--as", "accepted");
            var notUnknown = campaign.cli(time, "resolve", campaign.campaignFile(), "--email",
                    ScheduledCampaign.address(2), "--as", "resend");

            assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
            assertThat(campaign.row(lost).state()).isEqualTo(State.ACCEPTED);
            assertThat(notUnknown.exitCode()).as(notUnknown.toString()).isEqualTo(3);
            assertThat(notUnknown.err()).contains("not UNKNOWN");
            assertThat(campaign.row(ScheduledCampaign.address(2)).state()).isEqualTo(State.ACCEPTED);

            campaign.cli(time, "send", campaign.campaignFile(), "--live");
            assertThat(server.messagesTo(lost)).isEmpty();
        }
    }
}
