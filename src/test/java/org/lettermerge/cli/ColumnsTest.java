package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void asciiIsPaddedToTheColumnsWidth() {
        assertThat(Columns.fit("Ana", 6)).isEqualTo("Ana   ");
    }

    @Test
    void eastAsianCharactersTakeTwoCellsSoTheNextColumnStaysInLine() {
        String name = Columns.fit("山田 太郎", 12);

        assertThat(name).isEqualTo("山田 太郎   ");
        assertThat(Columns.cells(name)).isEqualTo(12);
    }

    @Test
    void aCombiningAccentTakesNoCell() {
        assertThat(Columns.cells("Nguye\u0302\u0303n")).isEqualTo(6);
        assertThat(Columns.fit("Élise", 6)).isEqualTo("Élise ");
    }

    @Test
    void aCutTextEndsInAnEllipsisAndStillFillsTheColumnExactly() {
        assertThat(Columns.fit("krzysztof.wisniewski@example.org", 10)).isEqualTo("krzysztof…");
        // Four wide characters would need 8 cells; 3 fit before the ellipsis, then one space.
        String cut = Columns.fit("東京都千代田区", 8);
        assertThat(cut).isEqualTo("東京都… ");
        assertThat(Columns.cells(cut)).isEqualTo(8);
    }
}
