package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.ReceivedMessage;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * The campaign key bounce_address makes each letter's envelope sender (MAIL FROM) bounces+TOKEN@domain, the token
 * being the row's bounce_token in the log, while the From header stays the campaign's sender.
 * Talks to the scripted SMTP server in test support.
 */
class BounceAddressIT {

    private static final String RECIPIENTS = """
            email,name
            ana@example.org,Ana
            bea@example.org,Bea
            cy@example.org,Cy
            """;

    @TempDir Path dir;

    private CampaignFolder campaign(int port, String extraKeys) {
        String smtp = "smtp: {host: 127.0.0.1, port: " + port + ", security: none}";
        return CampaignFolder.in(dir)
                .write("campaign.yaml", CampaignFolder.campaignYaml(smtp + "\n" + extraKeys))
                .write("letter.txt.mustache", CampaignFolder.LETTER)
                .write("recipients.csv", RECIPIENTS);
    }

    private static List<ReceivedMessage> sendAll(ScriptedSmtpServer server, CampaignFolder folder) {
        CliResult sent = Cli.run("send", folder.campaign(), "--live");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        return server.awaitMessages(3, Duration.ofSeconds(10));
    }

    @Test
    void eachLetterGoesOutWithItsOwnVerpEnvelopeSenderNamingItsRowAndTheFromHeaderUnchanged() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            CampaignFolder folder = campaign(server.port(), "bounce_address: bounces@coalition.example.org");

            List<ReceivedMessage> received = sendAll(server, folder);

            Map<String, String> tokenByEmail = LogRows.query(folder.database(),
                    "SELECT email, bounce_token FROM recipient").stream()
                    .collect(Collectors.toMap(r -> (String) r.get("email"), r -> (String) r.get("bounce_token")));
            assertThat(tokenByEmail.values()).doesNotHaveDuplicates().allMatch(t -> t.matches("[a-z0-9]{32}"));
            for (ReceivedMessage m : received) {
                String rcpt = m.recipients().get(0);
                assertThat(m.envelopeFrom()).as(rcpt)
                        .isEqualTo("bounces+" + tokenByEmail.get(rcpt) + "@coalition.example.org");
                assertThat(m.envelopeFrom()).doesNotContain(rcpt.substring(0, rcpt.indexOf('@')));
                assertThat(m.toMimeMessage().getHeader("From"))
                        .containsExactly("Coalition Letters <letters@coalition.example.org>");
            }
            assertThat(received).extracting(ReceivedMessage::envelopeFrom).doesNotHaveDuplicates();
        }
    }

    @Test
    void withoutTheKeyTheEnvelopeSenderIsTheFromAddress() {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            List<ReceivedMessage> received = sendAll(server, campaign(server.port(), ""));

            assertThat(received).extracting(ReceivedMessage::envelopeFrom)
                    .containsOnly("letters@coalition.example.org");
        }
    }

    @Test
    void anInvalidBounceAddressStopsTheSendWithExit3AndTheLineOfTheKey() {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            CampaignFolder folder = campaign(server.port(), "bounce_address: \"Bounces <not an address\"");

            CliResult result = Cli.run("send", folder.campaign(), "--live");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(result.err()).contains("campaign.yaml:8").contains("'bounce_address' is not a valid address")
                    .contains("bounces@coalition.example.org");
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void addingABounceAddressAfterLettersWentOutIsAChangeThatNeedsAcceptChanges() {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            sendAll(server, campaign(server.port(), ""));
            campaign(server.port(), "bounce_address: bounces@coalition.example.org");

            CliResult refused = Cli.run("send", dir.resolve("campaign.yaml").toString(), "--live");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(refused.out() + refused.err()).contains("bounce_address");
        }
    }
}
