package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.problems.Problem;
import org.lettermerge.testsupport.CampaignFixture;

class PreflightIT {

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
        assertThat(p.recipients().count()).isEqualTo(2);
        assertThat(p.render(p.recipients().first().orElseThrow()).subject()).isEqualTo("An open letter, Ana");
        assertThat(p.parts()).containsKeys("from", "subject", "template letter.txt");
    }

    @Test
    void anAttachmentInsideTheFolderIsAccepted() {
        PreparedCampaign p = withAttachment("files/letter.pdf").write("files/letter.pdf", "%PDF-1.4").prepare();

        assertThat(p.problems()).isEmpty();
        assertThat(p.parts()).containsKey("attachment files/letter.pdf");
    }

    @Test
    void aWrongTemplateOrDataPathIsReportedOnceAtItsLineWithThePathAsResolved() {
        CampaignFixture campaign = CampaignFixture.standard(dir).write("campaign.yaml", CampaignFixture.CAMPAIGN
                .replace("template: letter.txt", "template: ../templates/leter.txt")
                + "data:\n  signatories: signatory.csv\n");

        PreparedCampaign p = campaign.prepare();

        Path yaml = campaign.path("campaign.yaml");
        assertThat(p.errors()).extracting(Object::toString).containsExactly(
                Problem.at(yaml, 4) + ": template: there is no file "
                        + Problem.display(dir.getParent().resolve("templates/leter.txt"))
                        + " (paths are read from the campaign file's folder, " + Problem.display(dir)
                        + "): check the name and the folders in the path",
                Problem.at(yaml, 7) + ": data.signatories: there is no file "
                        + Problem.display(dir.resolve("signatory.csv")) + " (paths are read from the campaign file's"
                        + " folder, " + Problem.display(dir) + "): check the name and the folders in the path");
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
                .anySatisfy(e -> assertThat(e).startsWith(Problem.at(dir.resolve("campaign.yaml"), 6)
                        + ": data.signatories: there is no file").contains("signatories.csv"));
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
        assertThat(p.render(p.recipients().first().orElseThrow()).text()).contains("Friends of the River (PT)");
    }

    private CampaignFixture withHeaderColumns(String recipients) {
        String campaign = CampaignFixture.CAMPAIGN.replace("An open letter, {{name}}", "Letter for {{company}}")
                + "to_name: \"{{name}}\"\n";
        return CampaignFixture.standard(dir).write("campaign.yaml", campaign)
                .write("recipients.csv", recipients);
    }

    private String at(int line) {
        return Problem.at(dir.resolve("recipients.csv"), line);
    }

    @Test
    void rowProblemsFollowTheFileAndCampaignProblemsInTheOrderTheyAlwaysHad() {
        // The expected lines are what preflight reported before the rows were streamed.
        PreparedCampaign p = withHeaderColumns("""
                Email,Name,Company,TimeZone
                ana@example.org,Ana,Acme,Europe/Lisbon
                bo@example.org,Bo,"Bo, Inc.",
                ,,,
                ANA@example.org,Ana again,Acme,
                cy@example.org,Cy,Cy Co,Asia/Tokyo
                dee@example.org,Dee,"Multi
                line",Mars/Base
                eve@example.org,,Eve Co,
                Bo@Example.org,Bo2,x,
                """).prepare();

        assertThat(p.problems()).extracting(Problem::toString).containsExactly(
                at(5) + ": warning: duplicate of line 2 (ANA@example.org): skipped",
                at(10) + ": warning: duplicate of line 3 (Bo@Example.org): skipped",
                at(7) + ": column 'timezone': 'Mars/Base' is not a time zone: use a name such as America/New_York or "
                        + "Asia/Tokyo, or leave it empty for the campaign's zone",
                at(7) + ": the subject rendered for this row contains a line break or control character: remove it "
                        + "from the columns it uses",
                at(9) + ": column 'name' is empty but " + Problem.display(dir.resolve("letter.txt")) + ":1 uses it "
                        + "unconditionally: fill it in, or wrap it as {{#name}}…{{/name}}",
                at(9) + ": column 'name' is empty but " + Problem.display(dir.resolve("campaign.yaml"))
                        + " (to_name):1 uses it unconditionally: fill it in, or wrap it as {{#name}}…{{/name}}");
    }

    @Test
    void anErrorLaterInTheRecipientsFileLeavesOutTheRenderProblemsOfEarlierRowsAsBefore() {
        // A trial render only ran once the whole file was known to be free of errors; streamed, the render problems
        // found before the bad row on line 6 are dropped, and the other row checks kept.
        PreparedCampaign p = withHeaderColumns("""
                email,name,company,timezone
                ana@example.org,Ana,Acme,Nowhere/Zone
                eve@example.org,Eve,"Multi
                line",
                fay@example.org,,Fay Co,
                not-an-address,Bo,Bo Inc,
                """).prepare();

        assertThat(p.problems()).extracting(Problem::toString).containsExactly(
                at(6) + ": column 'email': 'not-an-address' is not a usable address (the address needs a name, "
                        + "an @ and a domain): correct it",
                at(2) + ": column 'timezone': 'Nowhere/Zone' is not a time zone: use a name such as America/New_York "
                        + "or Asia/Tokyo, or leave it empty for the campaign's zone",
                at(5) + ": column 'name' is empty but " + Problem.display(dir.resolve("letter.txt")) + ":1 uses it "
                        + "unconditionally: fill it in, or wrap it as {{#name}}…{{/name}}",
                at(5) + ": column 'name' is empty but " + Problem.display(dir.resolve("campaign.yaml"))
                        + " (to_name):1 uses it unconditionally: fill it in, or wrap it as {{#name}}…{{/name}}");
    }
}
