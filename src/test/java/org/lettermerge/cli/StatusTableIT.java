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
import org.lettermerge.testsupport.StatusCsvRows;

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

    @Test
    void everyViewNamesTheRecipientAsTheLetterAddressedThemElseFromTheirNameColumns() throws Exception {
        CampaignFolder addressed = CampaignFolder.in(dir.resolve("addressed"))
                .write("campaign.yaml", CampaignFolder.campaignYaml("smtp: {host: 127.0.0.1, port: "
                        + greenMail.getSmtp().getPort() + ", security: none}")
                        .replace("to_name: \"{{name}}\"", "to_name: \"{{title}} {{last_name}}\""))
                .write("letter.txt.mustache", "Dear {{title}} {{last_name}},\n")
                .write("recipients.csv", "email,title,first_name,last_name,name\n"
                        + "ana@example.org,Dr,Ana,Lima,ignored\n");
        CampaignFolder parts = CampaignFolder.in(dir.resolve("parts"))
                .write("campaign.yaml", CampaignFolder.campaignYaml("smtp: {host: 127.0.0.1, port: "
                        + greenMail.getSmtp().getPort() + ", security: none}")
                        .replace("to_name: \"{{name}}\"\n", "").replace("{{name}}", "{{first_name}}"))
                .write("letter.txt.mustache", "Dear {{first_name}},\n")
                .write("recipients.csv", "email,first_name,last_name\nbo@example.org,Bo,Silva\n");
        assertThat(Cli.run("send", addressed.campaign(), "--live").exitCode()).isZero();
        assertThat(Cli.run("send", parts.campaign(), "--live").exitCode()).isZero();

        CliResult table = Cli.run("status", addressed.campaign());
        CliResult json = Cli.run("status", addressed.campaign(), "--format", "json");
        CliResult csv = Cli.run("status", parts.campaign(), "--format", "csv");
        Path html = dir.resolve("report.html");
        CliResult report = Cli.run("report", parts.campaign(), "--out", html.toString());

        assertThat(table.out()).contains("ana@example.org" + " ".repeat(35 - "ana@example.org".length()) + "Dr Lima ");
        assertThat(json.out()).contains("\"name\" : \"Dr Lima\"");
        assertThat(StatusCsvRows.of(csv.out())).singleElement().satisfies(r ->
                assertThat(r.get("name")).isEqualTo("Bo Silva"));
        assertThat(report.exitCode()).as(report.toString()).isZero();
        assertThat(Files.readString(html)).contains("Bo Silva");
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
