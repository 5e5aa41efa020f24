package org.lettermerge.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.problems.Problem;

class CsvTableIT {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("recipients.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void headers_become_mustache_names() throws IOException {
        Path file = write("""
                 First Name ,org.name,E-Mail Address,__x__
                a,b,c,d
                """);

        Table.Result table = CsvTable.read(file);

        assertThat(table.columns()).containsExactly("first_name", "org_name", "e_mail_address", "x");
        assertThat(table.rows().get(0).values()).containsExactly(
                Map.entry("first_name", "a"), Map.entry("org_name", "b"),
                Map.entry("e_mail_address", "c"), Map.entry("x", "d"));
        assertThat(table.problems()).isEmpty();
    }

    @Test
    void quoted_fields_keep_commas_quotes_and_newlines_and_later_rows_keep_their_physical_line() throws IOException {
        Path file = write("email,name,address\r\n"
                + "a@x.org,\"O'Brien, Jr.\",\"12 Rue \"\"Haute\"\"\r\nBât. B\"\r\n"
                + "b@x.org,  Bob  ,\r\n");

        Table.Result table = CsvTable.read(file);

        assertThat(table.rows()).extracting(Table.Row::line).containsExactly(2, 4);
        assertThat(table.rows().get(0).values().get("name")).isEqualTo("O'Brien, Jr.");
        assertThat(table.rows().get(0).values().get("address")).isEqualTo("12 Rue \"Haute\"\r\nBât. B");
        assertThat(table.rows().get(1).values().get("name")).isEqualTo("  Bob  ");
    }

    @Test
    void a_byte_order_mark_is_not_part_of_the_first_column_name() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFemail,name\nа@x.org,Алёна\n").getBytes(StandardCharsets.UTF_8));

        Table.Result table = CsvTable.read(file);

        assertThat(table.columns()).containsExactly("email", "name");
        assertThat(table.rows().get(0).values().get("name")).isEqualTo("Алёна");
    }

    @Test
    void a_short_row_gets_empty_values_and_a_long_row_is_a_problem() throws IOException {
        Path file = write("""
                email,name,title
                a@x.org
                b@x.org,Bob,Dr,extra
                """);

        Table.Result table = CsvTable.read(file);

        assertThat(table.rows().get(0).values()).containsEntry("name", "").containsEntry("title", "");
        assertThat(table.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).endsWith("recipients.csv:3");
            assertThat(p.message()).contains("4 values", "3 columns");
        });
    }

    @Test
    void empty_and_clashing_header_names_are_all_reported() throws IOException {
        Path file = write("""
                email,,First Name,first-name
                a@x.org,1,2,3
                """);

        Table.Result table = CsvTable.read(file);

        assertThat(table.problems()).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).contains("column 2 has no name"),
                m -> assertThat(m).contains("'First Name'", "'first-name'", "first_name"));
        assertThat(table.problems()).allSatisfy(p -> assertThat(p.where()).endsWith("recipients.csv:1"));
    }

    @Test
    void a_file_that_is_not_utf8_is_reported_with_the_line_of_the_bad_byte() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "email,name\na@x.org,C\u00f4te\n".getBytes(StandardCharsets.ISO_8859_1));

        Table.Result table = CsvTable.read(file);

        assertThat(table.rows()).isEmpty();
        assertThat(table.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).endsWith("latin1.csv:2");
            assertThat(p.message()).contains("not UTF-8", "0xF4");
        });
    }

    @Test
    void an_empty_file_and_a_missing_file_are_problems_naming_the_file() throws IOException {
        Path empty = write("");
        Path missing = dir.resolve("nowhere.csv");

        assertThat(CsvTable.read(empty).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("recipients.csv", "empty"));
        assertThat(CsvTable.read(missing).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("nowhere.csv", "not found", "check the path"));
    }

    @Test
    void an_unclosed_quote_is_a_problem_not_an_exception() throws IOException {
        Path file = write("email,name\na@x.org,\"Bob\n");

        assertThat(CsvTable.read(file).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("quote"));
    }

    @Test
    void rows_come_one_at_a_time_with_the_header_and_every_problem_known_before_the_first() throws IOException {
        Path file = write("""
                email,name
                a@x.org,Ana
                b@x.org,Bob,extra
                """);

        CsvTable table = CsvTable.open(file);

        assertThat(table.columns()).containsExactly("email", "name");
        assertThat(table.problems()).singleElement().satisfies(p -> assertThat(p.where()).endsWith("recipients.csv:3"));
        assertThat(table.next().values()).containsEntry("email", "a@x.org");
        assertThat(table.next().line()).isEqualTo(3);
        assertThat(table.hasNext()).isFalse();
    }

    @Test
    void a_quote_never_closed_after_good_rows_leaves_no_row_at_all() throws IOException {
        Path file = write("""
                email,name
                a@x.org,Ana,extra
                b@x.org,Bob
                c@x.org,"Cy
                d@x.org,Dee
                """);

        CsvTable table = CsvTable.open(file);

        assertThat(table.hasNext()).isFalse();
        assertThat(table.columns()).containsExactly("email", "name");
        assertThat(table.problems()).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("3 values but the header names 2 columns"),
                m -> assertThat(m).startsWith("cannot be read as CSV").contains("never closed"));
        assertThat(table.problems().get(1).where()).endsWith("recipients.csv:4");
    }
}
