package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;

/** What check says about the recipients list as read: its separator, or the one reason it cannot be read. */
class CheckListsIT {

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

    @Test
    void a_windows_1252_list_stops_check_and_send_with_one_problem_exit_3_and_nothing_written() throws IOException {
        CampaignFolder campaign = CampaignFolder.in(dir)
                .write("campaign.yaml", CampaignFolder.campaignYaml("smtp: {host: 127.0.0.1, port: 2525, security: none}"))
                .write("letter.txt.mustache", CampaignFolder.LETTER + "{{organization}} {{title}}\n");
        Files.write(campaign.path("recipients.csv"), "email;name;organization;title\r\nana@example.org;Ana;ONG;Dr\r\n"
                .concat("eli@example.org;Élise;Réseau;Mme\r\n").getBytes(Charset.forName("windows-1252")));

        CliResult check = Cli.run("check", campaign.campaign());
        CliResult send = Cli.run("send", campaign.campaign(), "--live");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(check.out()).contains("Problems (1)").contains("recipients.csv:3: is not UTF-8")
                .doesNotContain("has no value", "Warnings");
        assertThat(send.exitCode()).as(send.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(send.out() + send.err()).contains("is not UTF-8").doesNotContain("Exception");
        assertThat(Files.exists(campaign.database())).as("nothing queued, no log created").isFalse();
    }
}
