package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusCsvTest {

    @Test
    void cellsASpreadsheetWouldRunAsFormulasArePrefixedWithAnApostrophe() {
        assertThat(StatusCsv.safe("=1+1")).isEqualTo("'=1+1");
        assertThat(StatusCsv.safe("+x")).isEqualTo("'+x");
        assertThat(StatusCsv.safe("-x")).isEqualTo("'-x");
        assertThat(StatusCsv.safe("@x")).isEqualTo("'@x");
        assertThat(StatusCsv.safe("\tx")).isEqualTo("'\tx");
        assertThat(StatusCsv.safe("\rx")).isEqualTo("'\rx");
        assertThat(StatusCsv.safe("=HYPERLINK(\"http://evil.example\")")).startsWith("'=");
    }

    @Test
    void ordinaryValuesAreUnchanged() {
        assertThat(StatusCsv.safe("ana@example.org")).isEqualTo("ana@example.org");
        assertThat(StatusCsv.safe("Ana Lima-Souza")).isEqualTo("Ana Lima-Souza");
        assertThat(StatusCsv.safe("250 2.0.0 Ok = queued")).isEqualTo("250 2.0.0 Ok = queued");
        assertThat(StatusCsv.safe("محمد")).isEqualTo("محمد");
        assertThat(StatusCsv.safe("")).isEmpty();
        assertThat(StatusCsv.safe(null)).isEmpty();
    }
}
