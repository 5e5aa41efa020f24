package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.MimeParts;

/** A campaign edited after letters went out: stop and say what changed; go on only when told, never twice. */
class CampaignChangesIT {

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
    void aChangedTemplateStopsTheSendUntilTheChangeIsAccepted() throws Exception {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), TWO_RECIPIENTS);
        assertThat(Cli.run("send", campaign.campaign(), "--live").exitCode()).isZero();
        campaign.write("letter.txt.mustache", """
                Dear {{name}},

                (Second edition) We write about justice and reparations for survivors.
                """).write("recipients.csv", TWO_RECIPIENTS + "ana.souza@example.org,Ana Luíza Souza\n");

        CliResult stopped = Cli.run("send", campaign.campaign(), "--live");

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(stopped.err()).contains("template letter.txt.mustache changed").contains("--accept-changes");
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(campaignVersion(campaign)).isEqualTo(1);

        CliResult accepted = Cli.run("send", campaign.campaign(), "--live", "--accept-changes");

        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(campaignVersion(campaign)).isEqualTo(2);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(3);
        MimeMessage newest = received[2];
        assertThat(MimeParts.to(newest).getAddress())
                .isEqualTo("ana.souza@example.org");
        assertThat(MimeParts.text(newest)).contains("(Second edition)");
        assertThat(LogRows.recipients(campaign.database())).allSatisfy(row -> {
            assertThat(row.get("state")).isEqualTo("ACCEPTED");
            assertThat(row.get("attempts")).isEqualTo(1);
        });
    }

    @Test
    void aQueuedRowRemovedFromTheCsvIsReportedAndNeverSent() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), TWO_RECIPIENTS);
        assertThat(Cli.run("send", campaign.campaign(), "--live", "--limit", "1").exitCode()).isZero();
        campaign.write("recipients.csv", """
                email,name
                amara.okafor@example.org,Amara Okafor
                """);

        CliResult result = Cli.run("send", campaign.campaign(), "--live");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("kwame.mensah@example.org (QUEUED) is no longer in")
                .contains("it will not be sent");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        Map<String, Object> kwame = LogRows.query(campaign.database(),
                "SELECT state, attempts, removed_at FROM recipient WHERE email = 'kwame.mensah@example.org'").get(0);
        assertThat(kwame.get("state")).isEqualTo("QUEUED");
        assertThat(kwame.get("attempts")).isEqualTo(0);
        assertThat(kwame.get("removed_at")).isNotNull();

        assertThat(Cli.run("send", campaign.campaign(), "--live").exitCode()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    private static Object campaignVersion(CampaignFolder campaign) {
        return LogRows.query(campaign.database(), "SELECT version FROM campaign").get(0).get("version");
    }

    private static int port() {
        return greenMail.getSmtp().getPort();
    }
}
