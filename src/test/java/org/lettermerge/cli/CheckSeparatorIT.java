package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;

class CheckSeparatorIT {

    @TempDir
    Path dir;

    @Test
    void check_says_which_separator_it_read_the_recipients_with() {
        CampaignFolder campaign = CampaignFolder.in(dir)
                .write("campaign.yaml", CampaignFolder.campaignYaml("smtp: {host: 127.0.0.1, port: 2525, security: none}"))
                .write("letter.txt.mustache", CampaignFolder.LETTER)
                .write("recipients.csv", "email\tname\r\nana@example.org\tAna Lima\r\n");

        CliResult result = Cli.run("check", campaign.campaign());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("recipients.csv: 1 recipients").contains("  read as:     CSV separated by tabs\n");
    }
}
