package org.lettermerge.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.problems.Problem;

class RecipientsCsvIT {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("recipients.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void a_clean_list_gives_recipients_with_trimmed_addresses_and_all_fields_in_order() throws IOException {
        Path file = write("""
                Name, Email ,City
                Ana,  Ana.Silva@Example.org  ,Porto
                """);

        RecipientList list = RecipientsCsv.read(file);

        assertThat(list.problems()).isEmpty();
        Recipient ana = list.recipients().get(0);
        assertThat(ana.email()).isEqualTo("Ana.Silva@Example.org");
        assertThat(ana.key()).isEqualTo("ana.silva@example.org");
        assertThat(ana.line()).isEqualTo(2);
        assertThat(ana.where()).endsWith("recipients.csv:2");
        assertThat(ana.fields().keySet()).containsExactly("name", "email", "city");
        assertThat(ana.fields()).containsEntry("email", "Ana.Silva@Example.org");
    }

    @Test
    void a_list_without_an_email_column_says_what_to_name_it() throws IOException {
        Path file = write("""
                name,mail
                Ana,a@x.org
                """);

        assertThat(RecipientsCsv.read(file).problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.toString()).contains("recipients.csv", "no 'email' column", "name the column");
        });
    }

    @Test
    void every_bad_address_is_reported_with_its_line_and_column() throws IOException {
        Path file = write("""
                email,name
                not-an-address,A
                Ana <a@x.org>,B
                a@x.org; b@x.org,C
                ,D
                jürgen@x.org,E
                ok@x.org,F
                """);

        RecipientList list = RecipientsCsv.read(file);

        assertThat(list.problems()).extracting(Problem::where)
                .allSatisfy(w -> assertThat(w).contains("recipients.csv:"))
                .extracting(w -> w.substring(w.lastIndexOf(':') + 1))
                .containsExactly("2", "3", "4", "5", "6");
        assertThat(list.problems()).allSatisfy(p -> assertThat(p.message()).contains("'email'"));
        assertThat(list.problems().get(4).message()).contains("SMTPUTF8");
        assertThat(list.recipients()).extracting(Recipient::email).containsExactly("ok@x.org");
    }

    @Test
    void an_international_domain_is_sent_in_its_ascii_form_but_shown_as_written() throws IOException {
        Path file = write("""
                email,name
                info@bücher.example,Buchladen
                """);

        Recipient recipient = RecipientsCsv.read(file).recipients().get(0);

        assertThat(recipient.email()).isEqualTo("info@xn--bcher-kva.example");
        assertThat(recipient.fields()).containsEntry("email", "info@bücher.example");
    }

    @Test
    void a_line_break_in_name_or_in_a_header_column_is_an_error_but_elsewhere_it_is_kept() throws IOException {
        Path file = write("""
                email,name,company,address
                a@x.org,"Ana
                Bcc: evil@x.org",Acme,"1 Main St
                Springfield"
                b@x.org,Bob,"Acme
                Bcc: evil@x.org","2 Main St"
                """);

        RecipientList list = RecipientsCsv.read(file, Set.of("company"));

        assertThat(list.problems()).extracting(Problem::message).containsExactly(
                "column 'name' contains a line break or control character, and it goes into a mail header: remove it",
                "column 'company' contains a line break or control character, and it goes into a mail header: remove it");
        assertThat(list.problems()).extracting(Problem::where)
                .satisfiesExactly(w -> assertThat(w).endsWith(":2"), w -> assertThat(w).endsWith(":5"));
        assertThat(RecipientsCsv.read(file).problems()).hasSize(1);
    }

    @Test
    void a_repeated_address_in_any_case_is_skipped_with_a_warning_naming_the_first_line() throws IOException {
        Path file = write("""
                email,name
                a@x.org,Ana
                b@x.org,Bob
                A@X.ORG,Ana again
                """);

        RecipientList list = RecipientsCsv.read(file);

        assertThat(list.recipients()).extracting(Recipient::email).containsExactly("a@x.org", "b@x.org");
        assertThat(list.duplicates()).extracting(Recipient::line).containsExactly(4);
        assertThat(list.hasErrors()).isFalse();
        assertThat(list.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.toString()).endsWith("recipients.csv:4: warning: duplicate of line 2 (A@X.ORG): skipped");
        });
    }

    @Test
    void blank_rows_are_skipped_silently() throws IOException {
        Path file = write("""
                email,name
                ,
                 ,\t
                a@x.org,Ana
                """);

        RecipientList list = RecipientsCsv.read(file);

        assertThat(list.problems()).isEmpty();
        assertThat(list.recipients()).extracting(Recipient::line).containsExactly(4);
    }

    @Test
    void a_header_without_rows_is_an_error() throws IOException {
        Path file = write("email,name\n");

        assertThat(RecipientsCsv.read(file).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no recipients"));
    }

    @Test
    void a_streamed_pass_reports_the_problems_of_a_whole_read_in_the_same_order() throws IOException {
        // The expected lines are what reading the whole list into memory reported before rows were streamed:
        // the table's problems (a row too long, line 5) before the rows' own, even those of earlier lines.
        Path file = write("""
                email,name,company
                ana@example.org,Ana,Acme
                not-an-address,Bo,Bo Inc
                ANA@example.org,Ana again,Acme
                cy@example.org,Cy,Cy Co,extra
                dee@example.org,"Dee
                Bcc: x@y.org",Dee Co
                ,,
                eve@example.org,Eve,Eve Co
                """);

        RecipientsCsv csv = RecipientsCsv.open(file);
        List<String> emails = new ArrayList<>();
        csv.forEachRemaining(r -> emails.add(r.email()));

        assertThat(emails).containsExactly("ana@example.org", "cy@example.org", "eve@example.org");
        assertThat(csv.count()).isEqualTo(3);
        assertThat(csv.problems()).extracting(Problem::toString).containsExactly(
                Problem.at(file, 5) + ": 4 values but the header names 3 columns: put quotes around a value that "
                        + "contains a comma",
                Problem.at(file, 3) + ": column 'email': 'not-an-address' is not a usable address (the address needs "
                        + "a name, an @ and a domain): correct it",
                Problem.at(file, 4) + ": warning: duplicate of line 2 (ANA@example.org): skipped",
                Problem.at(file, 6) + ": column 'name' contains a line break or control character, and it goes into "
                        + "a mail header: remove it");
        assertThat(csv.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.recipient().line()).isEqualTo(4);
            assertThat(d.firstLine()).isEqualTo(2);
        });
    }

    @Test
    void the_problems_are_only_known_once_every_row_was_read() throws IOException {
        Path file = write("""
                email,name
                a@x.org,Ana
                not-an-address,Bo
                """);

        RecipientsCsv csv = RecipientsCsv.open(file);

        assertThat(csv.next().email()).isEqualTo("a@x.org");
        assertThatThrownBy(csv::problems).isInstanceOf(IllegalStateException.class);
        assertThat(csv.hasNext()).isFalse();
        assertThat(csv.problems()).singleElement().satisfies(p -> assertThat(p.where()).endsWith(":3"));
    }

    @Test
    void a_list_without_an_email_column_hands_out_no_recipient() throws IOException {
        Path file = write("""
                mail,name
                a@x.org,Ana
                """);

        RecipientsCsv csv = RecipientsCsv.open(file);

        assertThat(csv.hasNext()).isFalse();
        assertThat(csv.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no 'email' column"));
    }
}
