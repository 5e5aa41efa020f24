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

/**
 * Through the CLI: check, the dry run and send --live say which host:port and protection they use and what the
 * --smtp-* options changed; a login in clear text to another machine is refused (exit 3) before anything is sent.
 */
class EndpointIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private static final String ONE = """
            email,name
            amara.okafor@example.org,Amara Okafor
            """;

    private CampaignFolder campaign(String smtp) {
        return CampaignFolder.in(dir).write("campaign.yaml", CampaignFolder.campaignYaml(smtp))
                .write("letter.txt.mustache", CampaignFolder.LETTER).write("recipients.csv", ONE);
    }

    @Test
    void checkAndTheDryRunSayThatSmtpSecurityTlsReplacedThePortOfTheFile() {
        CampaignFolder c = campaign("smtp: {host: smtp.example.org, port: 587, security: starttls, username: letters}");
        String expected = "smtp.example.org:465 (TLS, as letters; port 465, the default for --smtp-security tls; "
                + "the campaign file says 587";

        CliResult check = Cli.run("check", c.campaign(), "--smtp-security", "tls");
        CliResult dryRun = Cli.run("send", c.campaign(), "--smtp-security", "tls");

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains("server:      " + expected);
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains("would go through " + expected);
    }

    @Test
    void theFirstLineOfALiveSendNamesTheEndpoint() throws Exception {
        int port = greenMail.getSmtp().getPort();
        CampaignFolder c = campaign("smtp: {host: 127.0.0.1, port: " + port + ", security: none}");

        CliResult result = Cli.run("send", c.campaign(), "--live");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines().findFirst())
                .hasValue("Sending through 127.0.0.1:" + port + " (no encryption)");
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    @Test
    void aCleartextLoginToAnotherHostIsRefusedByCheckAndSendWithTheWayOut() {
        CampaignFolder c = campaign("smtp: {host: smtp.example.org, port: 25, security: none, username: letters, "
                + "password_env: LETTERMERGE_TEST_MAILBOX_PASSWORD}");

        CliResult check = Cli.run("check", c.campaign());
        CliResult send = Cli.run("send", c.campaign(), "--live");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(check.out()).contains("smtp.allow_cleartext_login: true").contains("in clear text")
                .doesNotContain("greenmail-imap-secret");
        assertThat(send.exitCode()).as(send.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(send.err()).contains("smtp.allow_cleartext_login").doesNotContain("greenmail-imap-secret");
        assertThat(Files.exists(c.database())).as("nothing queued").isFalse();
    }

    @Test
    void anOverrideToSecurityNoneIsRefusedLikeTheFile() {
        CampaignFolder c = campaign("smtp: {host: smtp.example.org, security: starttls, username: letters, "
                + "password_env: LETTERMERGE_TEST_MAILBOX_PASSWORD}");

        CliResult send = Cli.run("send", c.campaign(), "--live", "--smtp-security", "none");

        assertThat(send.exitCode()).as(send.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(send.err()).contains("after the --smtp-* options").contains("smtp.allow_cleartext_login");
        assertThat(Files.exists(c.database())).isFalse();
    }
}
