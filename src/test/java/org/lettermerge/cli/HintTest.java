package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A suggested command is copied into a POSIX shell as printed: words with spaces or quotes come out quoted. */
class HintTest {

    @Test
    void plainWordsStayAsTheyAreAndOthersAreSingleQuoted() {
        assertThat(Hint.lettermerge("send", "config/campaign.yaml", "--live", "--rate", "30/min").toString())
                .isEqualTo("lettermerge send config/campaign.yaml --live --rate 30/min");
        assertThat(Hint.lettermerge("send", "my letters/campaign.yaml", "--at", "2026-12-07 09:00 Europe/Paris")
                .toString())
                .isEqualTo("lettermerge send 'my letters/campaign.yaml' --at '2026-12-07 09:00 Europe/Paris'");
        assertThat(Hint.quote("it's $HOME")).isEqualTo("'it'\"'\"'s $HOME'");
        assertThat(Hint.quote("")).isEqualTo("''");
    }

    @Test
    void optionsAndFlagsAreAddedOnlyWhenGiven() {
        assertThat(Hint.lettermerge("send").option("--limit", null).option("--at", "tomorrow").flag("--live", true)
                .flag("--new-log", false).toString()).isEqualTo("lettermerge send --at tomorrow --live");
    }
}
