package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;

/** The campaign key list_unsubscribe puts an RFC 2369 List-Unsubscribe (mailto) header on every letter sent. */
class ListUnsubscribeIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String RECIPIENTS = """
            email,name
            ana@example.org,Ana
            bea@example.org,Bea
            """;

    @TempDir Path dir;

    private CampaignFolder campaign(String extraKeys) {
        String smtp = "smtp: {host: 127.0.0.1, port: " + greenMail.getSmtp().getPort() + ", security: none}";
        return CampaignFolder.in(dir)
                .write("campaign.yaml", CampaignFolder.campaignYaml(smtp + "\n" + extraKeys))
                .write("letter.txt.mustache", CampaignFolder.LETTER)
                .write("recipients.csv", RECIPIENTS);
    }

    private MimeMessage[] sendAll(CampaignFolder folder) {
        CliResult sent = Cli.run("send", folder.campaign(), "--live");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        assertThat(greenMail.waitForIncomingEmail(Duration.ofSeconds(10).toMillis(), 2)).isTrue();
        return greenMail.getReceivedMessages();
    }

    @Test
    void everyLetterCarriesOneMailtoListUnsubscribeHeaderAndNoOneClickPostHeader() throws Exception {
        MimeMessage[] received = sendAll(campaign("list_unsubscribe: unsubscribe@coalition.example.org"));

        assertThat(received).hasSize(2);
        for (MimeMessage message : received) {
            assertThat(message.getHeader("List-Unsubscribe"))
                    .containsExactly("<mailto:unsubscribe@coalition.example.org?subject=unsubscribe>");
            // RFC 8058 one-click needs an https URI; with mailto alone the POST header would be wrong.
            assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
        }
    }

    @Test
    void withoutTheKeyLettersCarryNoListUnsubscribeHeader() throws Exception {
        MimeMessage[] received = sendAll(campaign(""));

        assertThat(received).hasSize(2);
        for (MimeMessage message : received) {
            assertThat(message.getHeader("List-Unsubscribe")).isNull();
            assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
        }
    }

    @Test
    void anInvalidAddressStopsTheSendWithExit3AndTheLineOfTheKey() {
        CampaignFolder folder = campaign("list_unsubscribe: \"Unsubscribe <not an address\"");

        CliResult result = Cli.run("send", folder.campaign(), "--live");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains("campaign.yaml:8").contains("'list_unsubscribe' is not a valid address");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void changingTheAddressAfterLettersWentOutNeedsAcceptChanges() {
        sendAll(campaign("list_unsubscribe: unsubscribe@coalition.example.org"));
        campaign("list_unsubscribe: optout@coalition.example.org");

        CliResult refused = Cli.run("send", dir.resolve("campaign.yaml").toString(), "--live");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(refused.out() + refused.err()).contains("list_unsubscribe changed");
        CliResult accepted = Cli.run("send", dir.resolve("campaign.yaml").toString(), "--live", "--accept-changes");
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }
}
