package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SenderLeaseTest {

    @Test
    void two_jvms_may_see_the_same_process_start_a_second_apart_and_it_is_the_same_process() {
        // Linux's boot time in /proc/stat is to the second and can differ between two readers.
        assertThat(SenderLease.sameStart("2026-12-03T09:47:43.120Z", "2026-12-03T09:47:44.120Z")).isTrue();
        assertThat(SenderLease.sameStart("2026-12-03T09:47:43.120Z", "2026-12-03T09:47:42.120Z")).isTrue();
    }

    @Test
    void a_pid_reused_by_a_later_process_is_not_the_holder() {
        assertThat(SenderLease.sameStart("2026-12-03T09:47:43.120Z", "2026-12-03T09:52:10.000Z")).isFalse();
    }

    @Test
    void a_start_that_cannot_be_read_now_does_not_count_against_the_holder() {
        assertThat(SenderLease.sameStart("2026-12-03T09:47:43.120Z", null)).isTrue();
    }
}
