package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.problems.Problem;
import org.lettermerge.testsupport.CampaignFixture;

class PreflightTest {

    @TempDir
    Path dir;

    private CampaignFixture withAttachment(String path) {
        return CampaignFixture.standard(dir.resolve("campaign"))
                .write("campaign.yaml", CampaignFixture.CAMPAIGN + "attachments: [" + path + "]\n");
    }

    @Test
    void aSoundCampaignIsPreparedWithoutProblems() {
        PreparedCampaign p = CampaignFixture.standard(dir).prepare();

        assertThat(p.problems()).isEmpty();
        assertThat(p.recipients().recipients()).hasSize(2);
        assertThat(p.render(p.recipients().recipients().get(0)).subject()).isEqualTo("An open letter, Ana");
        assertThat(p.parts()).containsKeys("from", "subject", "template letter.txt");
    }

    @Test
    void anAttachmentInsideTheFolderIsAccepted() {
        PreparedCampaign p = withAttachment("files/letter.pdf").write("files/letter.pdf", "%PDF-1.4").prepare();

        assertThat(p.problems()).isEmpty();
        assertThat(p.parts()).containsKey("attachment files/letter.pdf");
    }

    @Test
    void anAttachmentOutsideTheCampaignFixtureIsAnError() throws IOException {
        Files.writeString(dir.resolve("private.txt"), "not for the letter");

        PreparedCampaign p = withAttachment("../private.txt").prepare();

        assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("private.txt lies outside the campaign's folder", "copy it into that folder"));
    }

    @Test
    void aSymlinkCannotCarryAFileFromOutsideTheFolderIntoALetter() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "private key");
        CampaignFixture folder = withAttachment("innocent.pdf");
        Files.createSymbolicLink(folder.path("innocent.pdf"), secret);

        PreparedCampaign p = folder.prepare();

        assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("lies outside"));
    }

    @Test
    void aMissingAttachmentIsAnError() {
        PreparedCampaign p = withAttachment("missing.pdf").prepare();

        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.where()).endsWith("campaign.yaml (attachments)");
            assertThat(e.message()).contains("attachment not found", "missing.pdf");
        });
    }

    @Test
    void aTemplateVariableTheRecipientsLackIsNamedWithItsLine() {
        PreparedCampaign p = CampaignFixture.standard(dir).write("letter.txt", """
                Dear {{name}},

                Greetings to {{city}}.
                """).prepare();

        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.where()).isEqualTo(Problem.at(dir.resolve("letter.txt"), 3));
            assertThat(e.message()).startsWith("'city' has no value");
        });
    }

    @Test
    void everyProblemOfABrokenCampaignIsReportedAtOnce() {
        PreparedCampaign p = CampaignFixture.standard(dir)
                .write("campaign.yaml", CampaignFixture.CAMPAIGN + "data: { signatories: signatories.csv }\n")
                .write("letter.txt", "Dear {{name}} of {{city}},\n")
                .write("recipients.csv", """
                        email,name
                        ana@example.org,Ana
                        not-an-address,Bo
                        """)
                .prepare();

        assertThat(p.hasErrors()).isTrue();
        assertThat(p.errors()).extracting(Problem::toString)
                .anySatisfy(e -> assertThat(e).startsWith(Problem.at(dir.resolve("letter.txt"), 1) + ": 'city'"))
                .anySatisfy(e -> assertThat(e).startsWith(Problem.at(dir.resolve("recipients.csv"), 3))
                        .contains("not-an-address"))
                .anySatisfy(e -> assertThat(e).contains("signatories.csv", "data file not found"));
    }

    @Test
    void campaignDataIsReadForTheTemplates() {
        PreparedCampaign p = CampaignFixture.standard(dir)
                .write("campaign.yaml", CampaignFixture.CAMPAIGN + "data: { signatories: signatories.csv }\n")
                .write("signatories.csv", """
                        organization,country
                        Friends of the River,PT
                        """)
                .write("letter.txt", "Dear {{name}},\n{{#signatories}}{{organization}} ({{country}})\n{{/signatories}}")
                .prepare();

        assertThat(p.problems()).isEmpty();
        assertThat(p.render(p.recipients().recipients().get(0)).text()).contains("Friends of the River (PT)");
    }
}
