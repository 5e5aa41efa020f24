package org.lettermerge.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.problems.Problem;

/** .xlsx lists made by the test with Apache POI, read as the spreadsheet shows them. */
class XlsxSheetIT {

    @TempDir
    Path dir;

    private static XSSFRow row(XSSFSheet sheet, int index, String... values) {
        XSSFRow row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
        return row;
    }

    private Path save(XSSFWorkbook workbook, String name) throws IOException {
        Path file = dir.resolve(name);
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    @Test
    void cells_read_as_the_sheet_shows_them_dates_numbers_leading_zeros_and_formula_results() throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        XSSFSheet sheet = book.createSheet("Officials");
        row(sheet, 0, "email", "zip", "count", "share", "date", "total", "flag");
        XSSFRow r = row(sheet, 1, "ana@example.org", "00123");
        r.createCell(2).setCellValue(42.0);
        CellStyle percent = book.createCellStyle();
        percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
        r.createCell(3).setCellValue(0.125);
        r.getCell(3).setCellStyle(percent);
        CellStyle date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("d mmmm yyyy"));
        r.createCell(4).setCellValue(LocalDate.of(2026, 12, 7));
        r.getCell(4).setCellStyle(date);
        r.createCell(5).setCellFormula("C2*2");
        r.createCell(6).setCellValue(true);
        book.getCreationHelper().createFormulaEvaluator().evaluateAll(); // Excel saves each formula's result
        Path file = save(book, "list.xlsx");

        Table.Result table = Table.read(file, null);

        assertThat(table.problems()).isEmpty();
        assertThat(table.columns()).containsExactly("email", "zip", "count", "share", "date", "total", "flag");
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.values()).containsEntry("zip", "00123").containsEntry("count", "42")
                    .containsEntry("share", "12.5%").containsEntry("date", "7 December 2026")
                    .containsEntry("total", "84").containsEntry("flag", "TRUE");
        });
    }

    @Test
    void the_sheet_named_in_the_campaign_is_read_and_a_wrong_name_lists_the_sheets() throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        row(book.createSheet("Notes"), 0, "not a list");
        XSSFSheet officials = book.createSheet("Officials");
        row(officials, 0, "email", "name");
        row(officials, 1, "ana@example.org", "Ana");
        Path file = save(book, "list.xlsx");

        Table.Result chosen = Table.read(file, "Officials");
        Table.Result wrong = Table.read(file, "officials ");

        assertThat(chosen.rows()).extracting(row -> row.values().get("name")).containsExactly("Ana");
        assertThat(wrong.rows()).isEmpty();
        assertThat(wrong.columns()).isEmpty();
        assertThat(wrong.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                .endsWith("list.xlsx: has no sheet 'officials ': its sheets are Notes, Officials; check 'sheet' in"
                        + " the campaign file (upper and lower case count)"));
    }

    @Test
    void a_bad_address_is_named_by_file_sheet_row_column_and_cell() throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        XSSFSheet sheet = book.createSheet("Officials");
        row(sheet, 0, "name", "organization", "email");
        for (int i = 1; i < 6; i++) {
            row(sheet, i, "P" + i, "Org", "p" + i + "@example.org");
        }
        row(sheet, 6, "Pedro", "Org", "pedro.example.org");
        Path file = save(book, "list.xlsx");

        RecipientList list = RecipientsCsv.read(file, Set.of());

        assertThat(list.recipients()).hasSize(5).allSatisfy(r -> assertThat(r.sheet()).isEqualTo("Officials"));
        assertThat(list.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo(Problem.display(file) + ", sheet Officials, row 7, column email (C7)");
            assertThat(p.message()).startsWith("'pedro.example.org' is not a usable address").endsWith("correct it");
        });
        assertThat(list.recipients().get(0).where()).isEqualTo(Problem.display(file) + ", sheet Officials, row 2");
    }

    @Test
    void merged_and_hidden_header_cells_are_reported_not_guessed() throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        XSSFSheet sheet = book.createSheet("Officials");
        row(sheet, 0, "email", "name", null, "notes");
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 1, 2));
        sheet.setColumnHidden(3, true);
        row(sheet, 1, "ana@example.org", "Ana", "Ana B.", "call first");
        Path file = save(book, "list.xlsx");

        Table.Result table = Table.read(file, null);

        assertThat(table.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                Problem.display(file) + ", sheet Officials, row 1: the header cells B1:C1 are merged: unmerge them"
                        + " and give each column its own name",
                Problem.display(file) + ", sheet Officials, row 1: column D ('notes') is hidden: unhide it if its"
                        + " values should be merged, or delete it");
    }

    @Test
    void a_hidden_header_row_and_values_in_a_column_without_a_name_are_reported() throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        XSSFSheet sheet = book.createSheet("Officials");
        row(sheet, 0, "email", "name").setZeroHeight(true);
        row(sheet, 1, "ana@example.org", "Ana", null, "stray");
        Path file = save(book, "list.xlsx");

        Table.Result table = Table.read(file, null);

        assertThat(table.problems()).extracting(Problem::toString).containsExactly(
                Problem.display(file) + ", sheet Officials, row 1: the header row is hidden: unhide it, so that you"
                        + " see the column names Lettermerge reads",
                Problem.display(file) + ", sheet Officials, row 2, column D: warning: has values but the header row"
                        + " gives column D no name: they are not read; name the column to use them");
        assertThat(table.rows()).singleElement().satisfies(r -> assertThat(r.values()).containsOnlyKeys("email", "name"));
    }

    @Test
    void a_formula_saved_without_its_result_is_an_error_at_its_cell() throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        XSSFSheet sheet = book.createSheet("Officials");
        row(sheet, 0, "email", "name");
        row(sheet, 1, "ana@example.org").createCell(1).setCellFormula("UPPER(\"ana\")"); // never evaluated
        Path file = save(book, "list.xlsx");

        Table.Result table = Table.read(file, null);

        assertThat(table.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).endsWith("list.xlsx, sheet Officials, row 2, column name (B2)");
            assertThat(p.message()).contains("formula without a saved result", "save it again");
        });
    }

    @Test
    void a_file_that_is_not_a_workbook_is_one_problem_that_says_what_to_do() throws IOException {
        Path fake = Files.writeString(dir.resolve("list.xlsx"), "email,name\na@x.org,A\n");
        Path missing = dir.resolve("nowhere.xlsx");

        assertThat(Table.read(fake, null).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is not an Excel workbook", "save it as .xlsx"));
        assertThat(Table.read(missing, null).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("nowhere.xlsx", "not found"));
    }

    @Test
    void rows_stream_one_at_a_time_with_the_sheets_row_numbers_and_blank_rows_skipped() throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        XSSFSheet sheet = book.createSheet("Officials");
        row(sheet, 2, "email", "name"); // the header need not be in row 1
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            row(sheet, 3 + i * 2, "p" + i + "@example.org", "P" + i);
            expected.add("p" + i + "@example.org");
        }
        Path file = save(book, "list.xlsx");

        Table table = Table.open(file, null);
        Table.Row first = table.next();
        List<String> emails = new ArrayList<>(List.of(first.values().get("email")));
        table.forEachRemaining(row -> emails.add(row.values().get("email")));

        assertThat(first.line()).isEqualTo(4);
        assertThat(emails).isEqualTo(expected);
        assertThat(table.problems()).isEmpty();
        assertThat(table.readAs()).isEqualTo("sheet Officials of an Excel workbook");
    }

    @Test
    void hidden_rows_are_read_and_named_in_one_warning() throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        XSSFSheet sheet = book.createSheet("Officials");
        row(sheet, 0, "email");
        for (int i = 1; i <= 8; i++) {
            row(sheet, i, "p" + i + "@example.org").setZeroHeight(i % 2 == 0);
        }
        Path file = save(book, "list.xlsx");

        Table.Result table = Table.read(file, null);

        assertThat(table.rows()).hasSize(8);
        assertThat(table.problems()).extracting(Problem::toString).containsExactly(Problem.display(file)
                + ", sheet Officials: warning: rows 3, 5, 7 and 9 are hidden (a filter?): hidden rows are read like"
                + " the others; delete them if they should get no letter");
    }
}
