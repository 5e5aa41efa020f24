package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFixture;

/** Preflight measures every letter as it will travel: attachments base64-encoded, not the size of the files. */
class LetterSizesIT {

    @TempDir
    Path dir;

    private static void randomFile(Path file, int bytes) throws IOException {
        byte[] content = new byte[bytes];
        new Random(8).nextBytes(content);
        Files.write(file, content);
    }

    @Test
    void anAttachmentCountsAsItsBase64EncodingInEveryLetter() throws IOException {
        CampaignFixture campaign = CampaignFixture.standard(dir)
                .write("campaign.yaml", CampaignFixture.CAMPAIGN + "attachments: [report.pdf]\n");
        randomFile(dir.resolve("report.pdf"), 3_000_000);

        LetterSizes sizes = Preflight.prepareMeasuringLetters(campaign.load()).sizes();

        // base64: 4 bytes for 3, plus CRLF after every 76 characters: 3,000,000 bytes travel as 4,105,264.
        assertThat(sizes.count()).isEqualTo(2);
        assertThat(sizes.largestBytes()).isBetween(4_105_264L, 4_110_000L);
        assertThat(sizes.totalBytes()).isBetween(2 * 4_105_264L, 2 * 4_110_000L);
    }

    @Test
    void theLargestLetterIsNamedByItsRecipient() {
        CampaignFixture campaign = CampaignFixture.standard(dir).write("recipients.csv", """
                email,name
                ana@example.org,Ana
                bo@example.org,%s
                cy@example.org,Cy
                """.formatted("Bo".repeat(5_000)));

        LetterSizes sizes = Preflight.prepareMeasuringLetters(campaign.load()).sizes();

        assertThat(sizes.largestEmail()).isEqualTo("bo@example.org");
        assertThat(sizes.largestWhere()).endsWith("recipients.csv:3");
        assertThat(sizes.largestBytes()).isGreaterThan(10_000);
        assertThat(sizes.averageBytes()).isLessThan(sizes.largestBytes());
        assertThat(Preflight.measureLetters(campaign.prepare())).satisfies(again -> {
            assertThat(again.largestEmail()).isEqualTo("bo@example.org");
            assertThat(again.count()).isEqualTo(3);
        });
    }

    @Test
    void theCheapBoundPreflightKeepsIsNeverBelowTheExactSizeWhateverTheScript() throws IOException {
        CampaignFixture campaign = CampaignFixture.standard(dir).write("campaign.yaml", CampaignFixture.CAMPAIGN + """
                to_name: "{{name}}"
                html_template: letter.html
                attachments: [report.pdf]
                """).write("letter.html", "<p>Dear {{name}},</p><p>{{body}}</p>\n").write("letter.txt", """
                Dear {{name}},

                {{body}}
                """).write("recipients.csv", """
                email,name,body
                ana@example.org,Ana,plain
                bo@example.org,Bö Ñúñez,%s
                cy@example.org,陈,%s
                dee@example.org,"Dee ""D"" O'Brien",%s
                """.formatted("é".repeat(20_000), "漢字".repeat(20_000), "😀=.\t".repeat(20_000)));
        randomFile(dir.resolve("report.pdf"), 100_000);
        PreparedCampaign p = campaign.prepare();
        assertThat(p.problems()).isEmpty();
        LetterMeter meter = new LetterMeter(p.campaign());

        for (var r : p.recipients().reread()) {
            var letter = p.render(r);
            assertThat(meter.bound(r, letter)).as(r.email()).isGreaterThanOrEqualTo(meter.exact(r, letter));
        }
        assertThat(p.largestLetterBound()).isGreaterThanOrEqualTo(Preflight.measureLetters(p).largestBytes());
    }

    @Test
    void lettersOverTheProvidersLimitAreAnErrorNamingTheRecipientTheSizeTheLimitAndWhatToDo() throws IOException {
        CampaignFixture campaign = CampaignFixture.standard(dir).write("campaign.yaml", CampaignFixture.CAMPAIGN + """
                attachments: [report.pdf]
                smtp: {host: smtp.example.org, port: 587, security: starttls, provider: google-workspace}
                """);
        randomFile(dir.resolve("report.pdf"), 19_000_000); // 26.0 MB once encoded; Google takes 25 MB

        PreparedCampaign p = campaign.prepare();

        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.toString()).contains("recipients.csv:2");
            assertThat(e.message()).contains("the letter to ana@example.org is 26.0 MB",
                    "over the limit of 25 MB set by google-workspace", "2 of 2 letters are over it",
                    "put them online and link to them");
        });
    }

    @Test
    void lettersWithinTheProvidersLimitAreNoProblem() throws IOException {
        CampaignFixture campaign = CampaignFixture.standard(dir).write("campaign.yaml", CampaignFixture.CAMPAIGN + """
                attachments: [report.pdf]
                smtp: {host: smtp.example.org, port: 587, security: starttls, provider: microsoft-365}
                """);
        randomFile(dir.resolve("report.pdf"), 19_000_000);

        assertThat(campaign.prepare().problems()).isEmpty();
    }
}
