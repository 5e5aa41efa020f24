package org.lettermerge.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files saved by LibreOffice itself (src/test/resources/org/lettermerge/recipients/libreoffice/README.md says how
 * they were made): typed.csv imported with LibreOffice's standard detection, so its numbers and dates became
 * numbers and dates, then saved as .xlsx and as .ods. Both read as LibreOffice shows the cells.
 */
class LibreOfficeFilesIT {

    @TempDir
    Path dir;

    private Table.Result read(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("libreoffice/" + name)) {
            Files.copy(in, file);
        }
        return Table.read(file, null);
    }

    @Test
    void numbers_and_dates_typed_into_libreoffice_read_as_it_shows_them_from_xlsx_and_ods() throws IOException {
        // LibreOffice shows 2.50 as 2.5 and 00123 as 123 once they are numbers; the ISO dates keep their form.
        List<Map<String, String>> shown = List.of(
                Map.of("email", "x@example.org", "amount", "42", "share", "2.5", "joined", "2026-12-07", "zip", "123"),
                Map.of("email", "y@example.org", "amount", "1234567", "share", "0.125", "joined", "2027-01-31",
                        "zip", "4510"));

        for (String name : List.of("typed.xlsx", "typed.ods")) {
            Table.Result table = read(name);
            assertThat(table.problems()).as(name).isEmpty();
            assertThat(table.rows()).as(name).extracting(Table.Row::values).isEqualTo(shown);
        }
    }

    @Test
    void the_sheet_libreoffice_names_after_the_file_is_the_first_sheet() throws IOException {
        Table.Result table = read("officials.ods");

        assertThat(table.rows()).hasSize(10);
        assertThat(Table.open(dir.resolve("officials.ods"), null).readAs())
                .isEqualTo("sheet officials of an OpenDocument spreadsheet");
    }
}
