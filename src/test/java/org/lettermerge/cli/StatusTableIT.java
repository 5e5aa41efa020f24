package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;

/** The status table as an organizer reads it: every address whole, and a filter nothing passes said in words. */
class StatusTableIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private static final String LONG = "office.of.the.president.of.the.republic@presidency.example.org";

    @Test
    void aLongAddressIsPrintedWholeAndItsRowGoesOnAlignedBelowIt() {
        CampaignFolder campaign = sent();

        CliResult table = Cli.run("status", campaign.campaign());

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).contains("\n" + LONG + "\n" + " ".repeat(35) + "Amara Okafor")
                .doesNotContain("…").contains("\nana@example.org" + " ".repeat(35 - "ana@example.org".length())
                        + "Ana Lima");
    }

    @Test
    void aFilterNothingPassesSaysSoInsteadOfABareHeader() {
        CampaignFolder campaign = sent();

        CliResult deferred = Cli.run("status", campaign.campaign(), "--state", "deferred");
        CliResult bounced = Cli.run("status", campaign.campaign(), "--bounced");

        assertThat(deferred.exitCode()).as(deferred.toString()).isZero();
        assertThat(deferred.out()).endsWith("\nNo recipient is deferred.\n").doesNotContain("EMAIL");
        assertThat(bounced.out()).endsWith("\nNo recipient bounced.\n").doesNotContain("EMAIL");
    }

    private CampaignFolder sent() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, greenMail.getSmtp().getPort(), """
                email,name
                %s,Amara Okafor
                ana@example.org,Ana Lima
                """.formatted(LONG));
        CliResult sent = Cli.run("send", campaign.campaign(), "--live");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        return campaign;
    }
}
