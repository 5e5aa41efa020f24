package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lettermerge.store.LogBackup;
import org.lettermerge.store.State;

/** The line {@code backup} prints about its copy: counts in the order letters move, empty states left out. */
class BackupSummaryTest {

    @Test
    void statesAreListedInTheOrderLettersMoveAndEmptyOnesAreLeftOut() {
        var copy = new LogBackup.Contents("ok", 2,
                Map.of(State.UNKNOWN, 1, State.ACCEPTED, 9, State.QUEUED, 0));

        assertThat(BackupCommand.summary(copy)).isEqualTo("2 campaigns, 10 letters (9 accepted, 1 unknown)");
    }

    @Test
    void oneOfEachIsSingularAndAnEmptyLogSaysSo() {
        assertThat(BackupCommand.summary(new LogBackup.Contents("ok", 1, Map.of(State.SENDING, 1))))
                .isEqualTo("1 campaign, 1 letter (1 sending)");
        assertThat(BackupCommand.summary(new LogBackup.Contents("ok", 0, Map.of()))).isEqualTo("0 campaigns, 0 letters");
    }
}
