package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reads this process's start from /proc (or the JDK where there is none). */
class ProcessStartIT {

    @Test
    void this_process_is_the_one_whose_start_it_recorded() {
        ProcessHandle self = ProcessHandle.current();

        assertThat(ProcessStart.same(ProcessStart.of(self), self)).isTrue();
    }

    @Test
    void a_pid_reused_by_a_later_process_is_not_the_holder() {
        assertThat(ProcessStart.same("ticks:1", ProcessHandle.current())).isFalse();
        assertThat(ProcessStart.same("2001-01-01T00:00:00.000Z", ProcessHandle.current())).isFalse();
    }

    @Test
    void a_start_recorded_as_an_instant_by_an_older_version_is_compared_with_slack() {
        ProcessHandle self = ProcessHandle.current();
        String instant = self.info().startInstant().orElseThrow().plusSeconds(1).toString();

        assertThat(ProcessStart.same(instant, self)).isTrue();
    }
}
