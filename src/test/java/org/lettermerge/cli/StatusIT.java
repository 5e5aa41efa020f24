package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.StatusCsvRows;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.LogRows;

/** {@code status} after two of three letters went out: CSV safe for spreadsheets, JSON for scripts, filtering. */
class StatusIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private CampaignFolder campaign;

    @BeforeEach
    void twoOfThreeLettersSent() {
        campaign = CampaignFolder.sendingTo(dir, greenMail.getSmtp().getPort(), """
                email,name
                formula@example.org,"=HYPERLINK(""http://x"")"
                yamada.taro@example.org,山田 太郎
                kwame.mensah@example.org,Kwame Mensah
                """);
        CliResult sent = Cli.run("send", campaign.campaign(), "--live", "--limit", "2");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
    }

    @Test
    void statusCsvHasTheDocumentedHeaderAndDefusesFormulas() throws Exception {
        CliResult result = Cli.run("status", campaign.campaign(), "--format", "csv");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("\uFEFFemail,name,state,attempts,smtp_code,smtp_reply,message_id,last_attempt_at");
        List<CSVRecord> rows = csv(result.out());
        assertThat(rows).extracting(r -> r.get("name"))
                .containsExactly("'=HYPERLINK(\"http://x\")", "山田 太郎", "Kwame Mensah");
        assertThat(rows).extracting(r -> r.get("state")).containsExactly("ACCEPTED", "ACCEPTED", "QUEUED");
        assertThat(rows.get(0).get("message_id")).isEqualTo(
                LogRows.query(campaign.database(), "SELECT message_id FROM recipient WHERE email = 'formula@example.org'")
                        .get(0).get("message_id"));
    }

    @Test
    void statusJsonParsesAndCountsRecipientsPerState() throws Exception {
        CliResult result = Cli.run("status", campaign.campaign(), "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(result.out());
        assertThat(doc.get("campaign").asText()).isEqualTo("cli-it");
        assertThat(doc.get("counts").get("accepted").asInt()).isEqualTo(2);
        assertThat(doc.get("counts").get("queued").asInt()).isEqualTo(1);
        assertThat(doc.get("recipients")).hasSize(3);
        assertThat(doc.get("recipients").get(1).get("name").asText()).isEqualTo("山田 太郎");
    }

    @Test
    void statusStateFiltersTheRecipients() throws Exception {
        CliResult result = Cli.run("status", campaign.campaign(), "--format", "csv", "--state", "accepted");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(csv(result.out())).extracting(r -> r.get("email"))
                .containsExactly("formula@example.org", "yamada.taro@example.org");
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        return StatusCsvRows.of(text);
    }
}
