package org.lettermerge.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.problems.Problem;
import org.lettermerge.testsupport.OdsFile;

/** .ods lists written by the test (see {@link OdsFile}), read as the spreadsheet shows them. */
class OdsSheetIT {

    @TempDir
    Path dir;

    @Test
    void each_cell_gives_the_text_it_shows_not_its_stored_value() throws IOException {
        Path file = OdsFile.write(dir.resolve("list.ods"), OdsFile.table("Officials", """
                <table:table-row>
                  <table:table-cell office:value-type="string"><text:p>email</text:p></table:table-cell>
                  <table:table-cell office:value-type="string"><text:p>count</text:p></table:table-cell>
                  <table:table-cell office:value-type="string"><text:p>date</text:p></table:table-cell>
                  <table:table-cell office:value-type="string"><text:p>address</text:p></table:table-cell>
                </table:table-row>
                <table:table-row>
                  <table:table-cell office:value-type="string"><text:p>ana@example.org</text:p></table:table-cell>
                  <table:table-cell office:value-type="float" office:value="42" table:formula="of:=[.X1]*2"><text:p>42</text:p></table:table-cell>
                  <table:table-cell office:value-type="date" office:date-value="2026-12-07"><text:p>7 December 2026</text:p></table:table-cell>
                  <table:table-cell office:value-type="string"><office:annotation><text:p>a comment, not the value</text:p></office:annotation><text:p>12 <text:s text:c="2"/>Rue
   <text:span>Haute</text:span></text:p><text:p>Bât. B</text:p></table:table-cell>
                </table:table-row>
                """));

        Table.Result table = Table.read(file, null);

        assertThat(table.problems()).isEmpty();
        assertThat(table.rows()).singleElement().satisfies(row -> assertThat(row.values())
                .containsEntry("count", "42").containsEntry("date", "7 December 2026")
                .containsEntry("address", "12   Rue Haute\nBât. B"));
    }

    @Test
    void repeated_cells_and_rows_are_counted_and_a_million_empty_rows_cost_nothing() throws IOException {
        Path file = OdsFile.write(dir.resolve("list.ods"), OdsFile.table("Officials", """
                <table:table-column table:number-columns-repeated="3"/>
                <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
                <table:table-row>
                  <table:table-cell office:value-type="string"><text:p>email</text:p></table:table-cell>
                  <table:table-cell table:number-columns-repeated="2"/>
                  <table:table-cell office:value-type="string"><text:p>name</text:p></table:table-cell>
                </table:table-row>
                <table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
                <table:table-row>
                  <table:table-cell office:value-type="string"><text:p>ana@example.org</text:p></table:table-cell>
                  <table:table-cell table:number-columns-repeated="2"/>
                  <table:table-cell office:value-type="string"><text:p>Ana</text:p></table:table-cell>
                </table:table-row>
                """));

        Table.Result table = Table.read(file, null);

        assertThat(table.columns()).containsExactly("email", "name");
        assertThat(table.problems()).extracting(Problem::message).containsExactly(
                "column B has no name: name it, or delete the column",
                "column C has no name: name it, or delete the column");
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(1_000_004);
            assertThat(row.values()).containsEntry("email", "ana@example.org").containsEntry("name", "Ana");
        });
    }

    @Test
    void merged_and_hidden_header_cells_and_error_values_are_reported() throws IOException {
        Path file = OdsFile.write(dir.resolve("list.ods"), OdsFile.table("Officials", """
                <table:table-column/>
                <table:table-column table:number-columns-repeated="2"/>
                <table:table-column table:visibility="collapse"/>
                <table:table-row>
                  <table:table-cell office:value-type="string"><text:p>email</text:p></table:table-cell>
                  <table:table-cell office:value-type="string" table:number-columns-spanned="2"><text:p>name</text:p></table:table-cell>
                  <table:covered-table-cell/>
                  <table:table-cell office:value-type="string"><text:p>notes</text:p></table:table-cell>
                </table:table-row>
                <table:table-row>
                  <table:table-cell office:value-type="string"><text:p>ana@example.org</text:p></table:table-cell>
                  <table:table-cell table:formula="of:=VLOOKUP(1;[.Z1:.Z2];2)" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>
                </table:table-row>
                """));

        Table.Result table = Table.read(file, null);

        String sheet = Problem.display(file) + ", sheet Officials, row ";
        assertThat(table.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                sheet + "1: the header cells B1:C1 are merged: unmerge them and give each column its own name",
                sheet + "1: column D ('notes') is hidden: unhide it if its values should be merged, or delete it",
                sheet + "2, column name (B2): shows the error #N/A: correct the formula or type the value");
    }

    @Test
    void the_named_sheet_is_read_and_a_missing_one_lists_the_sheets() throws IOException {
        Path file = OdsFile.write(dir.resolve("list.ods"), OdsFile.table("Notes", "<table:table-row>"
                + "<table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell>"
                + "</table:table-row>") + OdsFile.table("Officials", "<table:table-row>"
                + "<table:table-cell office:value-type=\"string\"><text:p>email</text:p></table:table-cell>"
                + "</table:table-row><table:table-row>"
                + "<table:table-cell office:value-type=\"string\"><text:p>ana@example.org</text:p></table:table-cell>"
                + "</table:table-row>"));

        RecipientList officials = RecipientsCsv.read(file, "Officials", Set.of());
        Table.Result missing = Table.read(file, "Minister");

        assertThat(officials.problems()).isEmpty();
        assertThat(officials.recipients()).extracting(Recipient::email).containsExactly("ana@example.org");
        assertThat(missing.problems()).extracting(Problem::message).containsExactly("has no sheet 'Minister': its"
                + " sheets are Notes, Officials; check 'sheet' in the campaign file (upper and lower case count)");
    }

    @Test
    void a_bad_address_names_the_sheet_row_column_and_cell() throws IOException {
        Path file = OdsFile.of(dir.resolve("list.ods"), "Officials", List.of(
                List.of("name", "organization", "email"),
                List.of("Ana", "Org", "ana@example.org"),
                List.of("Pedro", "Org", "")));

        RecipientList list = RecipientsCsv.read(file, null, Set.of());

        assertThat(list.problems()).extracting(Problem::toString).containsExactly(Problem.display(file)
                + ", sheet Officials, row 3, column email (C3): is empty: fill in the address or delete the row");
    }

    @Test
    void a_sheet_whose_xml_breaks_off_is_a_problem_after_the_rows_before_it() throws IOException {
        Path file = OdsFile.write(dir.resolve("list.ods"), OdsFile.table("Officials", "<table:table-row>"
                + "<table:table-cell office:value-type=\"string\"><text:p>email</text:p></table:table-cell>"
                + "</table:table-row><table:table-row>"
                + "<table:table-cell office:value-type=\"string\"><text:p>ana@example.org</text:p></table:table-cell>"
                + "</table:table-row><table:table-row><table:table-cell></table:row>"));

        RecipientList list = RecipientsCsv.read(file, null, Set.of());

        assertThat(list.problems()).extracting(Problem::toString).containsExactly(Problem.display(file)
                + ", sheet Officials: the sheet Officials is damaged: open it in LibreOffice and save it again");
        assertThat(list.hasErrors()).as("a list with an error is never sent").isTrue();
    }
}
