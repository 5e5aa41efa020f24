package org.lettermerge.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PresetsTest {

    @ParameterizedTest(name = "{0}: {1}, at most {2} a day")
    @CsvSource({
        "google-workspace, 30/min, 2000",
        "gmail, 20/min, 500",
        "microsoft-365, 30/min, 10000",
        "amazon-ses-sandbox, 1/s, 200",
        "unlimited, unlimited, 0"})
    void each_preset_carries_the_providers_published_limits(String name, String rate, int dailyCap) {
        assertThat(Presets.named(name)).contains(new AccountLimits(Rate.parse(rate), dailyCap));
    }

    @Test
    void names_are_listed_in_a_fixed_order_and_each_one_resolves() {
        assertThat(Presets.names()).containsExactly(
                "google-workspace", "gmail", "microsoft-365", "amazon-ses-sandbox", "unlimited");
        assertThat(Presets.names()).allSatisfy(name -> assertThat(Presets.named(name)).isPresent());
    }

    @Test
    void a_name_is_found_whatever_its_case_and_surrounding_spaces() {
        assertThat(Presets.named(" Google-Workspace ")).isEqualTo(Presets.named("google-workspace"));
    }

    @Test
    void an_unknown_name_finds_nothing() {
        assertThat(Presets.named("yahoo")).isEmpty();
        assertThat(Presets.named("")).isEmpty();
        assertThat(Presets.named(null)).isEmpty();
    }

    @Test
    void a_preset_reaches_its_daily_cap_within_a_day_at_its_own_pace() {
        // A preset whose pace could not send its cap in a day would silently lower the cap.
        for (String name : Presets.names()) {
            AccountLimits limits = Presets.named(name).orElseThrow();
            if (limits.hasDailyCap()) {
                assertThat(Pace.daysNeeded(limits, limits.dailyCap())).as(name).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "{0}: messages up to {1} bytes")
    @CsvSource({
        "google-workspace, 25000000",
        "gmail, 25000000",
        "microsoft-365, 35000000",
        "amazon-ses-sandbox, 40000000",
        "unlimited, 0"})
    void each_preset_carries_the_providers_largest_message(String name, long bytes) {
        assertThat(Presets.messageSize(name).bytes()).isEqualTo(bytes);
    }

    @Test
    void sizes_read_in_decimal_megabytes_as_providers_write_them() {
        assertThat(MessageSizeLimit.describe(35_000_000)).isEqualTo("35 MB");
        assertThat(MessageSizeLimit.describe(33_800_000)).isEqualTo("33.8 MB");
        assertThat(MessageSizeLimit.describe(4_200)).isEqualTo("4 kB");
        assertThat(MessageSizeLimit.describe(120)).isEqualTo("120 bytes");
    }
}
