package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.MimeParts;

/** The ways {@code send} can run: dry run (the default), a test letter to yourself, and in batches with --limit. */
class SendModesIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private static final String RECIPIENTS = """
            email,name
            amara.okafor@example.org,Amara Okafor
            yamada.taro@example.org,山田 太郎
            m.alhusseini@example.org,مريم الحسيني
            """;

    @Test
    void sendWithoutLiveIsADryRunThatListsEveryRecipientAndWritesNothing() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), RECIPIENTS);

        CliResult result = Cli.run("send", campaign.campaign());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Dry run: nothing is sent")
                .contains("Amara Okafor <amara.okafor@example.org>")
                .contains("山田 太郎 <yamada.taro@example.org>")
                .contains("مريم الحسيني <m.alhusseini@example.org>");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(Files.exists(campaign.database())).isFalse();
    }

    @Test
    void aTestSendGoesOnlyToTheOrganizerAndLeavesEveryRecipientQueued() throws Exception {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), RECIPIENTS);

        CliResult result = Cli.run("send", campaign.campaign(), "--test-to", "me@example.org");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(greenMail.getUserManager().listUser()).extracting(GreenMailUser::getEmail)
                .as("envelope recipients").containsExactly("me@example.org");
        assertThat(received[0].getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("me@example.org");
        assertThat(received[0].getAllRecipients()).hasSize(1);
        // Marked so that nobody mistakes it for the real letter, even forwarded.
        assertThat(received[0].getSubject()).startsWith("[TEST] ");
        List<String> lines = MimeParts.text(received[0]).lines().toList();
        assertThat(lines.get(0)).startsWith("TEST COPY of the letter to ").contains("<amara.okafor@example.org>")
                .contains("sent only to me@example.org");
        assertThat(lines.subList(1, 3)).containsExactly("", "Dear Amara Okafor,");
        assertThat(LogRows.query(campaign.database(), "SELECT * FROM event WHERE kind = 'TEST_SEND'")).hasSize(1);
        assertThat(LogRows.recipients(campaign.database())).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("state")).isEqualTo("QUEUED");
            assertThat(row.get("attempts")).isEqualTo(0);
        });

        CliResult live = Cli.run("send", campaign.campaign(), "--live");

        assertThat(live.exitCode()).as(live.toString()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(4);
        assertThat(addressesOf(greenMail.getReceivedMessages())).containsExactlyInAnyOrder("me@example.org",
                "amara.okafor@example.org", "yamada.taro@example.org", "m.alhusseini@example.org");
    }

    @Test
    void aLimitSendsThatManyAndTheNextRunSendsTheRestNobodyTwice() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), RECIPIENTS);

        CliResult first = Cli.run("send", campaign.campaign(), "--live", "--limit", "2");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(LogRows.query(campaign.database(), "SELECT email FROM recipient WHERE state = 'QUEUED'"))
                .hasSize(1);

        CliResult second = Cli.run("send", campaign.campaign(), "--live");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(addressesOf(greenMail.getReceivedMessages())).containsExactlyInAnyOrder(
                "amara.okafor@example.org", "yamada.taro@example.org", "m.alhusseini@example.org");
        assertThat(LogRows.recipients(campaign.database())).allSatisfy(row -> {
            assertThat(row.get("state")).isEqualTo("ACCEPTED");
            assertThat(row.get("attempts")).isEqualTo(1);
        });
    }

    private static String[] addressesOf(MimeMessage[] messages) {
        return Arrays.stream(messages).map(m -> MimeParts.to(m).getAddress()).toArray(String[]::new);
    }

    private static int port() {
        return greenMail.getSmtp().getPort();
    }
}
