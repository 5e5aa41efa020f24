package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;

/** {@code check}: the plan before sending, every problem at once, and nothing written or sent. */
class CheckIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private static final String WITH_DUPLICATE = """
            email,name
            amara.okafor@example.org,Amara Okafor
            kwame.mensah@example.org,Kwame Mensah
            Amara.Okafor@EXAMPLE.org,Amara Okafor (again)
            """;

    @Test
    void checkPrintsThePlanWithDuplicatesAndTheLineOfTheirFirstOccurrence() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), WITH_DUPLICATE);

        CliResult result = Cli.run("check", campaign.campaign());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Plan: 2 letters to send, 1 skipped")
                .contains("skipped Amara.Okafor@EXAMPLE.org (line 4): duplicate of line 2");
        assertThat(Files.exists(campaign.database())).as("check writes nothing").isFalse();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void afterALiveSendCheckSkipsEveryoneAsAlreadyAccepted() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), WITH_DUPLICATE);
        assertThat(Cli.run("send", campaign.campaign(), "--live").exitCode()).isZero();

        CliResult result = Cli.run("check", campaign.campaign());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Plan: 0 letters to send, 3 skipped")
                .contains("skipped amara.okafor@example.org (line 2): already accepted")
                .contains("skipped kwame.mensah@example.org (line 3): already accepted");
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void checkOnABrokenCampaignListsEveryProblemAtOnce() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), """
                email,name
                amara.okafor@example.org,Amara Okafor
                not-an-address,Kwame Mensah
                office@example.org,
                """).write("letter.txt.mustache", """
                Dear {{name}}, {{position}}
                """);

        CliResult result = Cli.run("check", campaign.campaign());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.out()).contains("recipients.csv:3").contains("not-an-address")
                .contains("recipients.csv:4")
                .contains("position");
        assertThat(Files.exists(campaign.database())).isFalse();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void checkStatesTheLettersSizesAsSentWithTheLargestsRecipient() throws IOException {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), WITH_DUPLICATE)
                .write("campaign.yaml", CampaignFolder.campaignYaml(
                        "smtp: {host: 127.0.0.1, port: " + port() + ", security: none}\nattachments: [report.pdf]"));
        Files.write(campaign.path("report.pdf"), new byte[3_000_000]);

        CliResult result = Cli.run("check", campaign.campaign());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("sizes: +largest 4\\.1 MB \\(to amara\\.okafor@example\\.org\\), "
                + "4\\.1 MB on average, 8\\.2 MB for all 2 letters, encoded as sent");
    }

    @Test
    void lettersOverTheProvidersLimitAreRefusedByCheckAndBySendWithNothingSent() throws IOException {
        // 26 MB of attachment travels as 35.6 MB once base64-encoded: over Microsoft 365's 35 MB.
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), WITH_DUPLICATE)
                .write("campaign.yaml", CampaignFolder.campaignYaml("smtp: {host: 127.0.0.1, port: " + port()
                        + ", security: none, provider: microsoft-365}\nattachments: [report.pdf]"));
        Files.write(campaign.path("report.pdf"), new byte[26_000_000]);

        CliResult check = Cli.run("check", campaign.campaign());
        CliResult send = Cli.run("send", campaign.campaign(), "--live");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(check.out()).contains("recipients.csv:2: the letter to amara.okafor@example.org is 35.6 MB as sent",
                "over the limit of 35 MB set by microsoft-365 (2 of 2 letters are over it)", "make them smaller");
        assertThat(send.exitCode()).as(send.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(send.err()).contains("the letter to amara.okafor@example.org is 35.6 MB as sent");
        assertThat(Files.exists(campaign.database())).as("nothing queued").isFalse();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    private static int port() {
        return greenMail.getSmtp().getPort();
    }
}
