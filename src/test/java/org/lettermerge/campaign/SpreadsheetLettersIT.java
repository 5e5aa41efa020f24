package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.template.Letter;
import org.lettermerge.testsupport.OdsFile;

/**
 * The example letter (text and HTML, the 121 signatories with their accents and curly apostrophes) merged from the
 * same lists saved as CSV, as .xlsx and .ods made here with the libraries, as an Excel "CSV" (semicolons, BOM,
 * CRLF), and as .xlsx and .ods saved by LibreOffice: every letter is the same, through the real preflight and
 * templates.
 */
class SpreadsheetLettersIT {

    private static final Path EXAMPLE = Path.of("config");
    private static final String FIXTURES = "/org/lettermerge/recipients/libreoffice/";

    @TempDir
    Path dir;

    private List<List<String>> officials;
    private List<List<String>> signatories;

    @BeforeEach
    void exampleLetter() throws IOException {
        Files.copy(Path.of("templates/letter.txt.mustache"), dir.resolve("letter.txt.mustache"));
        Files.copy(Path.of("templates/letter.html.mustache"), dir.resolve("letter.html.mustache"));
        Files.copy(EXAMPLE.resolve("letter.yaml"), dir.resolve("letter.yaml"));
        Files.copy(EXAMPLE.resolve("recipients.csv"), dir.resolve("recipients.csv"));
        Files.copy(EXAMPLE.resolve("signatories.csv"), dir.resolve("signatories.csv"));
        officials = cells(dir.resolve("recipients.csv"));
        signatories = cells(dir.resolve("signatories.csv"));
    }

    private static List<List<String>> cells(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv)) {
            for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    private List<Letter> letters(String recipients, String signatoriesList) throws IOException {
        Path campaign = Files.writeString(dir.resolve("campaign.yaml"), """
                name: sheets
                from: {name: Coalition, email: letters@coalition.example.org}
                subject: "Joint letter to {{organization}}"
                to_name: "{{name}}"
                template: letter.txt.mustache
                html_template: letter.html.mustache
                recipients: %s
                data:
                  signatories: %s
                  letter: letter.yaml
                """.formatted(recipients, signatoriesList));
        PreparedCampaign p = Preflight.prepare(CampaignFile.load(campaign));
        assertThat(p.problems()).as(recipients).isEmpty();
        List<Letter> letters = new ArrayList<>();
        for (Recipient r : p.recipients().reread()) {
            letters.add(p.render(r));
        }
        return letters;
    }

    @Test
    void the_same_list_as_csv_xlsx_ods_and_an_excel_csv_gives_the_same_letters() throws IOException {
        List<Letter> fromCsv = letters("recipients.csv", "signatories.csv");
        assertThat(fromCsv).hasSize(10);
        assertThat(fromCsv).allSatisfy(letter -> assertThat(letter.text()).contains("Réseau Equitas Côte d’Ivoire"));
        assertThat(fromCsv.get(1).text()).contains("Élise Dubois-Léger");

        XSSFWorkbook book = new XSSFWorkbook();
        write(book.createSheet("Officials"), officials);
        write(book.createSheet("Signatories"), signatories);
        try (book; OutputStream out = Files.newOutputStream(dir.resolve("lists.xlsx"))) {
            book.write(out);
        }
        OdsFile.write(dir.resolve("lists.ods"), OdsFile.table("Notes", "") + ods("Officials", officials)
                + ods("Signatories", signatories));
        Files.write(dir.resolve("excel.csv"), excelCsv(officials));

        assertThat(letters("{file: lists.xlsx, sheet: Officials}", "{file: lists.xlsx, sheet: Signatories}"))
                .isEqualTo(fromCsv);
        assertThat(letters("{file: lists.ods, sheet: Officials}", "{file: lists.ods, sheet: Signatories}"))
                .isEqualTo(fromCsv);
        assertThat(letters("excel.csv", "signatories.csv")).isEqualTo(fromCsv);
    }

    @Test
    void lists_saved_by_libreoffice_give_the_same_letters_as_their_csv() throws IOException {
        List<Letter> fromCsv = letters("recipients.csv", "signatories.csv");
        for (String name : List.of("officials.xlsx", "signatories.xlsx", "officials.ods", "signatories.ods")) {
            try (InputStream in = getClass().getResourceAsStream(FIXTURES + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }

        assertThat(letters("officials.xlsx", "signatories.xlsx")).isEqualTo(fromCsv);
        assertThat(letters("officials.ods", "signatories.ods")).isEqualTo(fromCsv);
    }

    private static void write(XSSFSheet sheet, List<List<String>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            XSSFRow row = sheet.createRow(i);
            for (int c = 0; c < rows.get(i).size(); c++) {
                if (!rows.get(i).get(c).isEmpty()) {
                    row.createCell(c).setCellValue(rows.get(i).get(c));
                }
            }
        }
    }

    private static String ods(String sheet, List<List<String>> rows) {
        StringBuilder xml = new StringBuilder();
        for (List<String> row : rows) {
            xml.append("<table:table-row>");
            for (String value : row) {
                xml.append(value.isEmpty() ? "<table:table-cell/>" : "<table:table-cell office:value-type=\"string\">"
                        + "<text:p>" + OdsFile.escape(value) + "</text:p></table:table-cell>");
            }
            xml.append("</table:table-row>");
        }
        return OdsFile.table(sheet, xml.toString());
    }

    /** What Excel in a French or German locale saves as "CSV UTF-8": a BOM, semicolons, CRLF. */
    private static byte[] excelCsv(List<List<String>> rows) throws IOException {
        StringBuilder text = new StringBuilder("\uFEFF");
        try (var printer = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n").get()
                .print(text)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
