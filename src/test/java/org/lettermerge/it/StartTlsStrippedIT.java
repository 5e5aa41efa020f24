package org.lettermerge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.cli.ExitCode;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * A server (or someone on the path) that stops offering STARTTLS but still offers AUTH: with security starttls
 * nothing may follow EHLO, neither the login nor a letter. The scripted server stands in for GreenMail, which offers
 * no STARTTLS at all and so cannot be seen to stop offering it. Fails if mail.smtp.starttls.required is dropped.
 */
class StartTlsStrippedIT {

    @TempDir Path dir;

    /** Offers a login and 8BITMIME, not STARTTLS: what a downgrade attack leaves of a submission server's EHLO. */
    private static final Script STRIPPED = new Script() {
        @Override
        public List<String> extensions() {
            return List.of("AUTH PLAIN LOGIN", "8BITMIME");
        }
    };

    @Test
    void aServerThatNoLongerOffersStarttlsGetsNeitherTheLoginNorALetter() {
        try (var server = ScriptedSmtpServer.start(STRIPPED)) {
            CampaignFolder campaign = CampaignFolder.in(dir)
                    .write("campaign.yaml", CampaignFolder.campaignYaml("""
                            smtp:
                              host: 127.0.0.1
                              port: %d
                              security: starttls
                              username: letters
                              password_env: LETTERMERGE_TEST_MAILBOX_PASSWORD
                            """.formatted(server.port())))
                    .write("letter.txt.mustache", CampaignFolder.LETTER)
                    .write("recipients.csv", """
                            email,name
                            amara.okafor@example.org,Amara Okafor
                            """);

            CliResult result = Cli.run("send", campaign.campaign(), "--live");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.SERVER_UNAVAILABLE);
            assertThat(result.err()).contains("does not offer STARTTLS").doesNotContain("greenmail-imap-secret");
            assertThat(server.commands()).as("nothing after EHLO").isNotEmpty()
                    .noneMatch(c -> c.startsWith("AUTH") || c.startsWith("MAIL") || c.startsWith("RCPT"));
            assertThat(server.messages()).isEmpty();
            assertThat(LogRows.recipients(campaign.database())).singleElement()
                    .satisfies(row -> assertThat(row.get("state")).isEqualTo("QUEUED"));
        }
    }
}
