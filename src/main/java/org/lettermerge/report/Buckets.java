package org.lettermerge.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Sends and replies counted per minute when everything happened within two hours (a campaign sent in an afternoon),
 * per hour when it happened on one day, else per day, in {@code zone} (the report's UTC, the organizer's zone in the
 * dashboard). The buckets run without gaps from the first event to the last, so a quiet day shows as an empty slot
 * rather than vanishing.
 */
public record Buckets(ChronoUnit unit, List<Bucket> all, ZoneId zone) {

    /** One slot of the chart: its label and how many letters were accepted and replies received in it. */
    public record Bucket(Instant start, String label, int sends, int replies) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    /** Up to this span, a bar per minute (at most 121 of them) still reads; beyond it, hours or days. */
    private static final java.time.Duration MINUTES_UP_TO = java.time.Duration.ofHours(2);

    public Buckets {
        all = List.copyOf(all);
    }

    public static Buckets of(List<Instant> sends, List<Instant> replies) {
        return ofMinutes(perMinute(sends), perMinute(replies), ZoneOffset.UTC);
    }

    /**
     * From counts per minute (keyed by the minute's start): the report reads letters accepted this way, a row per
     * busy minute from the log rather than one instant per letter. Hours and days are sums of minutes.
     */
    public static Buckets ofMinutes(NavigableMap<Instant, Integer> sends, NavigableMap<Instant, Integer> replies,
                                    ZoneId zone) {
        NavigableMap<Instant, Integer> every = new TreeMap<>(sends);
        replies.forEach((minute, n) -> every.merge(minute, n, Integer::sum));
        if (every.isEmpty()) {
            return new Buckets(ChronoUnit.DAYS, List.of(), zone);
        }
        ChronoUnit unit = java.time.Duration.between(every.firstKey(), every.lastKey()).compareTo(MINUTES_UP_TO) <= 0
                ? ChronoUnit.MINUTES
                : start(every.firstKey(), ChronoUnit.DAYS, zone).equals(start(every.lastKey(), ChronoUnit.DAYS, zone))
                ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        Instant to = start(every.lastKey(), unit, zone);
        DateTimeFormatter label = (unit == ChronoUnit.DAYS ? DAY : unit == ChronoUnit.HOURS ? HOUR : MINUTE).withZone(zone);
        List<Bucket> buckets = new ArrayList<>();
        for (Instant t = start(every.firstKey(), unit, zone); !t.isAfter(to); ) {
            // A day or an hour in the zone: a day may be 23 or 25 hours long where clocks change.
            Instant end = t.atZone(zone).plus(1, unit).toInstant();
            buckets.add(new Bucket(t, label.format(t), sum(sends, t, end), sum(replies, t, end)));
            t = end;
        }
        return new Buckets(unit, buckets, zone);
    }

    /** Instants counted by the minute they fall in. */
    public static NavigableMap<Instant, Integer> perMinute(List<Instant> times) {
        NavigableMap<Instant, Integer> minutes = new TreeMap<>();
        times.forEach(t -> minutes.merge(t.truncatedTo(ChronoUnit.MINUTES), 1, Integer::sum));
        return minutes;
    }

    /** The largest count of either kind in any bucket (at least 1, so an empty chart still has a scale). */
    public int max() {
        return Math.max(1, all.stream().mapToInt(b -> Math.max(b.sends(), b.replies())).max().orElse(0));
    }

    /** "Day (UTC)", or the day's date (or the two days') when the buckets are hours or minutes; the zone is named. */
    public String axisTitle() {
        String zoneName = zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        if (unit == ChronoUnit.DAYS || all.isEmpty()) {
            return "Day (" + zoneName + ")";
        }
        String first = DAY.withZone(zone).format(all.get(0).start());
        String last = DAY.withZone(zone).format(all.get(all.size() - 1).start());
        // Minutes may cross midnight (a campaign sent 23:10-00:40): name both days rather than only the first.
        return (unit == ChronoUnit.HOURS ? "Hour" : "Minute") + " (" + zoneName + ") on "
                + (first.equals(last) ? first : first + " and " + last);
    }

    /** The start of the minute, hour or day {@code t} falls in, in {@code zone}. */
    private static Instant start(Instant t, ChronoUnit unit, ZoneId zone) {
        return t.atZone(zone).truncatedTo(unit).toInstant();
    }

    private static int sum(NavigableMap<Instant, Integer> hours, Instant from, Instant to) {
        return hours.subMap(from, true, to, false).values().stream().mapToInt(Integer::intValue).sum();
    }
}
