package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;

/** Bad input of every kind stops {@code send --live} with exit 3, says where the problem is, and sends nothing. */
class InvalidInputIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private static final String TWO_RECIPIENTS = """
            email,name
            amara.okafor@example.org,Amara Okafor
            kwame.mensah@example.org,Kwame Mensah
            """;

    @Test
    void anUnknownCampaignKeyIsNamedWithItsLine() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), TWO_RECIPIENTS)
                .write("campaign.yaml", CampaignFolder.campaignYaml(smtp() + "\ncolour: blue"));

        CliResult result = Cli.run("send", campaign.campaign(), "--live");

        assertRejectedNothingSent(result, campaign);
        assertThat(result.err()).contains("campaign.yaml:8").contains("unknown key 'colour'");
    }

    @Test
    void aPortThatIsNotANumberIsNamedWithItsLine() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), TWO_RECIPIENTS)
                .write("campaign.yaml", CampaignFolder.campaignYaml("""
                        smtp:
                          host: 127.0.0.1
                          port: abc
                          security: none"""));

        CliResult result = Cli.run("send", campaign.campaign(), "--live");

        assertRejectedNothingSent(result, campaign);
        assertThat(result.err()).contains("campaign.yaml:9").contains("smtp.port must be a number").contains("'abc'");
    }

    @Test
    void numericOptionsThatMakeNoSenseAreUsageErrors() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), TWO_RECIPIENTS);

        CliResult limit = Cli.run("send", campaign.campaign(), "--live", "--limit", "-1");
        CliResult port = Cli.run("send", campaign.campaign(), "--live", "--smtp-port", "0");

        assertThat(limit.exitCode()).as(limit.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(limit.err()).contains("--limit must be 1 or more");
        assertThat(port.exitCode()).as(port.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(port.err()).contains("--smtp-port must be a port from 1 to 65535");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(campaign.database()).doesNotExist();
    }

    @Test
    void everyMissingTemplateVariableIsListedAtOnce() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), TWO_RECIPIENTS)
                .write("letter.txt.mustache", """
                        {{title}} {{name}}
                        {{position}}

                        Dear {{salutation}},
                        """);

        CliResult result = Cli.run("send", campaign.campaign(), "--live");

        assertRejectedNothingSent(result, campaign);
        assertThat(result.err()).contains("letter.txt.mustache:1: 'title' has no value")
                .contains("letter.txt.mustache:2: 'position' has no value")
                .contains("letter.txt.mustache:4: 'salutation' has no value");
    }

    @Test
    void aRecipientWithAnInvalidAddressIsNamedByLine() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), """
                email,name
                amara.okafor@example.org,Amara Okafor
                kwame.mensah(at)example.org,Kwame Mensah
                """);

        CliResult result = Cli.run("send", campaign.campaign(), "--live");

        assertRejectedNothingSent(result, campaign);
        assertThat(result.err()).contains("recipients.csv:3").contains("kwame.mensah(at)example.org");
    }

    @Test
    void aNameCarryingAHeaderInjectionIsRejectedByLine() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(),
                "email,name\r\namara.okafor@example.org,Amara Okafor\r\n"
                        + "evil@example.org,\"Evil\r\nBcc: x@y\"\r\n");

        CliResult result = Cli.run("send", campaign.campaign(), "--live");

        assertRejectedNothingSent(result, campaign);
        assertThat(result.err()).contains("recipients.csv:3").contains("column 'name' contains a line break");
    }

    @Test
    void anAttachmentOutsideTheCampaignFolderIsRejected() throws Exception {
        Path campaignDir = Files.createDirectories(dir.resolve("campaign"));
        Files.writeString(dir.resolve("private.txt"), "not for the officials");
        CampaignFolder campaign = CampaignFolder.sendingTo(campaignDir, port(), TWO_RECIPIENTS)
                .write("campaign.yaml", CampaignFolder.campaignYaml("attachments: [../private.txt]\n" + smtp()));

        CliResult result = Cli.run("send", campaign.campaign(), "--live");

        assertRejectedNothingSent(result, campaign);
        assertThat(result.err()).contains("campaign.yaml (attachments)").contains("private.txt")
                .contains("outside the campaign's folder");
    }

    @Test
    void anEmptyNameUsedWithoutAGuardIsRejectedByLine() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), """
                email,name
                amara.okafor@example.org,Amara Okafor
                office@example.org,
                """);

        CliResult result = Cli.run("send", campaign.campaign(), "--live");

        assertRejectedNothingSent(result, campaign);
        assertThat(result.err()).contains("recipients.csv:3").contains("column 'name' is empty but")
                .contains("letter.txt.mustache");
    }

    private static void assertRejectedNothingSent(CliResult result, CampaignFolder campaign) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains("nothing was sent");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(Files.exists(campaign.database())).as("no delivery log is created for a campaign that cannot be sent")
                .isFalse();
    }

    private static String smtp() {
        return "smtp: {host: 127.0.0.1, port: " + port() + ", security: none}";
    }

    private static int port() {
        return greenMail.getSmtp().getPort();
    }
}
