package org.lettermerge.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SheetRowTest {

    @Test
    void columns_are_named_by_the_letters_a_spreadsheet_shows() {
        assertThat(SheetRow.letters(0)).isEqualTo("A");
        assertThat(SheetRow.letters(2)).isEqualTo("C");
        assertThat(SheetRow.letters(25)).isEqualTo("Z");
        assertThat(SheetRow.letters(26)).isEqualTo("AA");
        assertThat(SheetRow.letters(701)).isEqualTo("ZZ");
        assertThat(SheetRow.letters(702)).isEqualTo("AAA");
    }

    @Test
    void a_cell_reference_gives_its_column_back() {
        assertThat(SheetRow.column("C7")).isEqualTo(2);
        assertThat(SheetRow.column("AA100")).isEqualTo(26);
        assertThat(SheetRow.column("zz1")).isEqualTo(701);
        for (int column = 0; column < 2000; column++) {
            assertThat(SheetRow.column(SheetRow.letters(column) + "1")).isEqualTo(column);
        }
    }

    @Test
    void a_row_of_blank_cells_is_blank_and_its_width_ends_at_the_last_value() {
        SheetRow blank = new SheetRow(3, false, Map.of(0, " ", 4, ""), Map.of(), List.of());
        SheetRow row = new SheetRow(4, false, Map.of(0, "a", 2, "c", 5, " "), Map.of(), List.of());

        assertThat(blank.isBlank()).isTrue();
        assertThat(row.isBlank()).isFalse();
        assertThat(row.width()).isEqualTo(3);
    }

    @Test
    void a_cell_that_cannot_be_used_makes_the_row_count() {
        SheetRow row = new SheetRow(5, false, Map.of(), Map.of(1, "shows the error #N/A"), List.of());

        assertThat(row.isBlank()).isFalse();
    }
}
