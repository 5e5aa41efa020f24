package org.lettermerge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountLimitsTest {

    @Test
    void after_throttling_the_account_keeps_its_daily_cap_at_half_the_pace() {
        AccountLimits limits = Presets.named("microsoft-365").orElseThrow();

        assertThat(limits.tightened()).isEqualTo(new AccountLimits(Rate.parse("15/min"), 10_000));
    }

    @Test
    void a_cap_of_zero_means_none_and_a_negative_cap_is_refused() {
        assertThat(new AccountLimits(Rate.parse("1/s"), 0).hasDailyCap()).isFalse();
        assertThat(new AccountLimits(Rate.parse("1/s"), 1).hasDailyCap()).isTrue();
        assertThatThrownBy(() -> new AccountLimits(Rate.parse("1/s"), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
    }
}
