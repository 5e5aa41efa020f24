package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.testsupport.CampaignFolder;

/** A recipients list that cannot be read is one problem, with what to do, and nothing follows from it. */
class ListProblemsIT {

    @TempDir
    Path dir;

    private PreparedCampaign prepare(String recipientsKey) {
        CampaignFolder folder = CampaignFolder.in(dir)
                .write("campaign.yaml", """
                        name: lists
                        from: Coalition Letters <letters@coalition.example.org>
                        subject: "A letter for {{organization}}"
                        to_name: "{{name}}"
                        template: letter.txt.mustache
                        recipients: %s
                        """.formatted(recipientsKey))
                .write("letter.txt.mustache", "Dear {{title}} {{name}} of {{organization}},\n");
        return Preflight.prepare(CampaignFile.load(Path.of(folder.campaign())));
    }

    @Test
    void a_windows_1252_csv_is_reported_once_with_how_to_save_it() throws IOException {
        Files.write(dir.resolve("recipients.csv"), ("email,title,name,organization\r\n"
                + "ana@example.org,Dr,Ana,ONG\r\n"
                + "eli@example.org,Mme,Élise Dubois-Léger,Réseau Côte d’Ivoire\r\n").getBytes(Charset.forName("windows-1252")));

        PreparedCampaign p = prepare("recipients.csv");

        assertThat(p.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).endsWith("recipients.csv:3");
            assertThat(problem.message()).startsWith("is not UTF-8").contains("Windows-1252", "\"CSV UTF-8",
                    "point to the .xlsx or .ods file itself");
        });
    }

    @Test
    void a_missing_list_is_one_problem_with_the_path_as_resolved() {
        PreparedCampaign p = prepare("officials.xlsx");

        assertThat(p.problems()).extracting(Problem::toString).containsExactly(
                Problem.at(dir.resolve("campaign.yaml"), 6) + ": recipients: there is no file "
                        + Problem.display(dir.resolve("officials.xlsx")) + " (paths are read from the campaign file's"
                        + " folder, " + Problem.display(dir) + "): check the name and the folders in the path");
    }

    @Test
    void a_sheet_that_does_not_exist_is_one_problem_naming_the_sheets_there_are() throws IOException {
        Files.writeString(dir.resolve("recipients.csv"), "email,name\n");

        PreparedCampaign p = prepare("{file: recipients.csv, sheet: Officials}");

        assertThat(p.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .isEqualTo("a CSV file has no sheets: remove 'sheet', or point to the .xlsx or .ods workbook that has"
                        + " the sheet 'Officials'"));
    }

    @Test
    void an_excel_csv_with_semicolons_a_bom_and_crlf_reads_every_column() throws IOException {
        Files.writeString(dir.resolve("recipients.csv"), "\uFEFFemail;title;name;organization\r\n"
                + "ana@example.org;Dr;Ana;\"ONG; Droits, Paix\"\r\n");

        PreparedCampaign p = prepare("recipients.csv");

        assertThat(p.problems()).isEmpty();
        assertThat(p.recipients().readAs()).isEqualTo("CSV separated by semicolons (;)");
        assertThat(p.render(p.recipients().first().orElseThrow()).text())
                .isEqualTo("Dear Dr Ana of ONG; Droits, Paix,\n");
    }

    @Test
    void a_sheet_choice_without_a_file_or_with_an_unknown_key_is_a_campaign_file_error_with_its_line() {
        assertThatThrownBy(() -> prepare("{sheet: Officials, files: lists.xlsx}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("campaign.yaml:6: unknown key 'recipients.files': expected one of file, sheet")
                .hasMessageContaining("campaign.yaml:6: 'recipients' needs 'file', e.g. {file: list.xlsx, sheet:"
                        + " Officials}");
    }
}
