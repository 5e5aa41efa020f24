package org.lettermerge.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketsTest {

    private static Instant at(String time) {
        return Instant.parse(time);
    }

    @Test
    void everythingOnOneDayIsCountedPerHourWithQuietHoursKept() {
        Buckets buckets = Buckets.of(
                List.of(at("2026-03-02T09:05:00Z"), at("2026-03-02T09:59:59Z"), at("2026-03-02T12:00:00Z")),
                List.of(at("2026-03-02T11:30:00Z")));

        assertThat(buckets.unit()).isEqualTo(ChronoUnit.HOURS);
        assertThat(buckets.all()).extracting(Buckets.Bucket::label).containsExactly("09:00", "10:00", "11:00", "12:00");
        assertThat(buckets.all()).extracting(Buckets.Bucket::sends).containsExactly(2, 0, 0, 1);
        assertThat(buckets.all()).extracting(Buckets.Bucket::replies).containsExactly(0, 0, 1, 0);
        assertThat(buckets.axisTitle()).isEqualTo("Hour (UTC) on 2026-03-02");
        assertThat(buckets.max()).isEqualTo(2);
    }

    @Test
    void aCampaignSentWithinAnHourIsCountedPerMinute() {
        Buckets buckets = Buckets.of(
                List.of(at("2026-03-02T14:00:10Z"), at("2026-03-02T14:00:50Z"), at("2026-03-02T14:03:00Z")),
                List.of(at("2026-03-02T14:45:00Z")));

        assertThat(buckets.unit()).isEqualTo(ChronoUnit.MINUTES);
        assertThat(buckets.all()).hasSize(46);
        assertThat(buckets.all().subList(0, 4)).extracting(Buckets.Bucket::label)
                .containsExactly("14:00", "14:01", "14:02", "14:03");
        assertThat(buckets.all().subList(0, 4)).extracting(Buckets.Bucket::sends).containsExactly(2, 0, 0, 1);
        assertThat(buckets.all().get(45).replies()).isEqualTo(1);
        assertThat(buckets.axisTitle()).isEqualTo("Minute (UTC) on 2026-03-02");
    }

    @Test
    void eventsOnSeveralDaysAreCountedPerUtcDay() {
        Buckets buckets = Buckets.of(List.of(at("2026-03-01T23:59:59Z"), at("2026-03-02T00:00:00Z")),
                List.of(at("2026-03-04T08:00:00Z")));

        assertThat(buckets.unit()).isEqualTo(ChronoUnit.DAYS);
        assertThat(buckets.all()).extracting(Buckets.Bucket::label)
                .containsExactly("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04");
        assertThat(buckets.all()).extracting(Buckets.Bucket::sends).containsExactly(1, 1, 0, 0);
    }

    @Test
    void minutesAcrossMidnightNameBothDays() {
        Buckets buckets = Buckets.of(List.of(at("2026-03-01T23:50:00Z"), at("2026-03-02T00:20:00Z")), List.of());

        assertThat(buckets.unit()).isEqualTo(ChronoUnit.MINUTES);
        assertThat(buckets.axisTitle()).isEqualTo("Minute (UTC) on 2026-03-01 and 2026-03-02");
    }

    @Test
    void inTheOrganizersZoneHoursAndDaysAreTheirs() {
        // 22:00 and 02:00 UTC are two UTC days, but one evening in New York (17:00 and 21:00).
        var sends = Buckets.perMinute(List.of(at("2026-03-01T22:00:00Z"), at("2026-03-02T02:00:00Z")));
        Buckets utc = Buckets.ofMinutes(sends, new java.util.TreeMap<>(), java.time.ZoneOffset.UTC);
        Buckets newYork = Buckets.ofMinutes(sends, new java.util.TreeMap<>(), java.time.ZoneId.of("America/New_York"));

        assertThat(utc.unit()).isEqualTo(ChronoUnit.DAYS);
        assertThat(newYork.unit()).isEqualTo(ChronoUnit.HOURS);
        assertThat(newYork.all()).extracting(Buckets.Bucket::label).containsExactly("17:00", "18:00", "19:00",
                "20:00", "21:00");
        assertThat(newYork.axisTitle()).isEqualTo("Hour (America/New_York) on 2026-03-01");

        // Half-hour offsets: Kolkata's hours start at :30 UTC.
        Buckets kolkata = Buckets.ofMinutes(Buckets.perMinute(List.of(at("2026-03-02T03:10:00Z"),
                at("2026-03-02T05:50:00Z"))), new java.util.TreeMap<>(), java.time.ZoneId.of("Asia/Kolkata"));
        assertThat(kolkata.all()).extracting(Buckets.Bucket::label).containsExactly("08:00", "09:00", "10:00", "11:00");
        assertThat(kolkata.all()).extracting(Buckets.Bucket::sends).containsExactly(1, 0, 0, 1);
    }

    @Test
    void theChartHasOneBarPerBucketForEachSeriesAndTheTallestIsTheBusiest() {
        String svg = SvgChart.of(Buckets.of(
                List.of(at("2026-03-02T09:05:00Z"), at("2026-03-02T11:00:00Z"), at("2026-03-02T11:10:00Z"),
                        at("2026-03-02T11:20:00Z"), at("2026-03-02T11:20:00Z")),
                List.of(at("2026-03-02T10:00:00Z"))));

        assertThat(svg.split("class=\"bar sends\"", -1)).hasSize(4);
        assertThat(svg.split("class=\"bar replies\"", -1)).hasSize(4);
        assertThat(svg).contains("data-bucket=\"11:00\" data-count=\"4\" x=\"").contains("height=\"196.00\"")
                .contains("data-bucket=\"09:00\" data-count=\"1\"").contains("height=\"49.00\"");
    }
}
