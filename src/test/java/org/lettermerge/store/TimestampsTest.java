package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The log's timestamps read back exactly as written, by the fast path and by the general one alike. */
class TimestampsTest {

    @Test
    void theStoredFormReadsBackToTheSameInstant() {
        for (String t : new String[] {"2026-12-04T01:23:04.578Z", "1999-12-31T23:59:59.999Z", "2028-02-29T00:00:00.000Z",
                "2026-01-01T00:00:00.001Z"}) {
            assertThat(Timestamps.parse(t)).as(t).isEqualTo(Instant.parse(t));
            assertThat(Timestamps.format(Timestamps.parse(t))).isEqualTo(t);
        }
    }

    @Test
    void otherFormsGoToTheGeneralParser() {
        assertThat(Timestamps.parse("2026-12-04T01:23:00Z")).isEqualTo(Instant.parse("2026-12-04T01:23:00Z"));
        assertThat(Timestamps.parse(null)).isNull();
        assertThatThrownBy(() -> Timestamps.parse("2026-13-04T01:23:04.578Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Timestamps.parse("2026-02-30T01:23:04.578Z")).isInstanceOf(java.time.DateTimeException.class);
    }
}
