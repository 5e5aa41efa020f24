package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;

/**
 * A delivery log that is not a database must stop everything: recreating it would mean "nobody has been
 * mailed yet", and every recipient would get the letter again.
 */
class CorruptLogIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private static final byte[] NOT_A_DATABASE =
            "These are notes about who we wrote to, saved over the log by mistake.\n".repeat(20)
                    .getBytes(StandardCharsets.UTF_8);

    @Test
    void aCorruptLogStopsTheSendWithExitSixAndIsLeftUntouched() throws Exception {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, greenMail.getSmtp().getPort(), """
                email,name
                amara.okafor@example.org,Amara Okafor
                """);
        Files.write(campaign.database(), NOT_A_DATABASE);

        CliResult result = Cli.run("send", campaign.campaign(), "--live");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.LOG_UNAVAILABLE);
        assertThat(result.err()).contains("lettermerge.db");
        assertThat(Files.readAllBytes(campaign.database())).isEqualTo(NOT_A_DATABASE);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
