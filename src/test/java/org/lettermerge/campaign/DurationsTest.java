package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void everyUnitIsUnderstood() {
        assertThat(Durations.parse("300ms")).isEqualTo(Duration.ofMillis(300));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse(" 5 m ")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("3d")).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void wordsMissingUnitsAndNegativesAreRefusedWithAnExample() {
        for (String bad : new String[] {"soon", "30", "s", "-5s", "1.5m", "5 minutes", ""}) {
            assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a duration").hasMessageContaining("e.g. 30s");
        }
    }

    @Test
    void zeroIsRefused() {
        assertThatThrownBy(() -> Durations.parse("0s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than zero");
    }

    @Test
    void aWaitOfZeroOrNowMeansNowWhileOtherWaitsReadAsDurations() {
        assertThat(Durations.parseWait("0s")).isZero();
        assertThat(Durations.parseWait("0d")).isZero();
        assertThat(Durations.parseWait(" now ")).isZero();
        assertThat(Durations.parseWait("NOW")).isZero();
        assertThat(Durations.parseWait("36h")).isEqualTo(Duration.ofHours(36));
        assertThatThrownBy(() -> Durations.parseWait("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a duration");
    }
}
