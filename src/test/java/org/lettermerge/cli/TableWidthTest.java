package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableWidthTest {

    @Test
    void withoutAKnownWidthEveryColumnIsShown() {
        assertThat(TableWidth.of(0)).isEqualTo(new TableWidth(true, true, 28));
        assertThat(TableWidth.of(200)).isEqualTo(new TableWidth(true, true, 28));
    }

    @Test
    void aNarrowerTerminalLosesAttemptsAndCodeFirstThenTheLastAttemptThenNameWidth() {
        assertThat(TableWidth.of(140)).isEqualTo(new TableWidth(false, true, 28));
        assertThat(TableWidth.of(120)).isEqualTo(new TableWidth(false, false, 28));
        assertThat(TableWidth.of(80)).isEqualTo(new TableWidth(false, false, 16));
    }

    @Test
    void columnsThatIsNotANumberMeansUnknown() {
        assertThat(TableWidth.fromEnvironment(null)).isZero();
        assertThat(TableWidth.fromEnvironment("wide")).isZero();
        assertThat(TableWidth.fromEnvironment(" 80 ")).isEqualTo(80);
    }
}
