package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessStartTest {

    @Test
    void the_start_is_field_22_of_proc_stat_counted_from_the_end_of_the_command_name() {
        // A command name with a space and a parenthesis, as a process may set it.
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 12 0 0 0 5 3 0 0 20 0 23 0 3275100 100 200";

        assertThat(ProcessStart.startTicks(stat)).isEqualTo(3_275_100L);
    }
}
