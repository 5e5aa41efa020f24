package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.MimeParts;

/** What the letter says: data files rendered in full, text unescaped, HTML escaped. */
class LetterContentIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void theLetterListsAllSignatoriesExactlyAsInTheCsv() throws Exception {
        CampaignFolder campaign = CampaignFolder.in(dir)
                .write("campaign.yaml", CampaignFolder.campaignYaml("""
                        data:
                          signatories: signatories.csv
                        smtp: {host: 127.0.0.1, port: %d, security: none}
                        """.formatted(greenMail.getSmtp().getPort())))
                .write("letter.txt.mustache", """
                        Dear {{name}},

                        Signed:
                        {{#signatories}}
                        {{organization}}{{#country}} ({{country}}){{/country}}
                        {{/signatories}}
                        """)
                .write("recipients.csv", """
                        email,name
                        minister.justice@example.org,Élise Dubois-Léger
                        """);
        Files.copy(Path.of("config/signatories.csv"), campaign.path("signatories.csv"));

        CliResult result = Cli.run("send", campaign.campaign(), "--live");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        List<String> lines = MimeParts.text(received[0]).lines().toList();
        List<CSVRecord> signatories = signatories();
        assertThat(signatories).hasSize(121);
        for (CSVRecord s : signatories) {
            String country = s.get("country");
            assertThat(lines).contains(s.get("organization") + (country.isEmpty() ? "" : " (" + country + ")"));
        }
        assertThat(lines).contains("Réseau Equitas Côte d’Ivoire", "Women’s Active Museum on War and Peace (Japan)");
    }

    @Test
    void theTextPartIsVerbatimWhileTheHtmlPartIsEscaped() throws Exception {
        CampaignFolder campaign = CampaignFolder.in(dir)
                .write("campaign.yaml", CampaignFolder.campaignYaml("""
                        html_template: letter.html.mustache
                        smtp: {host: 127.0.0.1, port: %d, security: none}
                        """.formatted(greenMail.getSmtp().getPort())))
                .write("letter.txt.mustache", """
                        Dear {{name}},
                        On behalf of {{organization}}.
                        """)
                .write("letter.html.mustache", """
                        <p>Dear {{name}},</p>
                        <p>On behalf of {{organization}}.</p>
                        """)
                .write("recipients.csv", """
                        email,name,organization
                        counsel@example.org,Ciarán Counsel,O'Brien & Partners <Legal>
                        """);

        CliResult result = Cli.run("send", campaign.campaign(), "--live");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        MimeMessage message = greenMail.getReceivedMessages()[0];
        assertThat(MimeParts.text(message)).contains("On behalf of O'Brien & Partners <Legal>.");
        assertThat(MimeParts.html(message))
                .contains("&amp; Partners &lt;Legal&gt;")
                .doesNotContain("<Legal>")
                .doesNotContain("O'Brien");
    }

    private static List<CSVRecord> signatories() throws Exception {
        try (Reader in = Files.newBufferedReader(Path.of("config/signatories.csv"))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
