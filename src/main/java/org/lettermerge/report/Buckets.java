package org.lettermerge.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Sends and replies counted per day (UTC), or per hour when everything happened on one day. The buckets run
 * without gaps from the first event to the last, so a quiet day shows as an empty slot rather than vanishing.
 */
public record Buckets(ChronoUnit unit, List<Bucket> all) {

    /** One slot of the chart: its label and how many letters were accepted and replies received in it. */
    public record Bucket(Instant start, String label, int sends, int replies) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00").withZone(ZoneOffset.UTC);

    public Buckets {
        all = List.copyOf(all);
    }

    public static Buckets of(List<Instant> sends, List<Instant> replies) {
        return ofHours(perHour(sends), perHour(replies));
    }

    /**
     * From counts per hour (keyed by the hour's start): the report reads letters accepted this way, a few rows from
     * the log rather than one instant per letter. An hour lies within one UTC day, so days are sums of hours.
     */
    public static Buckets ofHours(NavigableMap<Instant, Integer> sends, NavigableMap<Instant, Integer> replies) {
        NavigableMap<Instant, Integer> every = new TreeMap<>(sends);
        replies.forEach((hour, n) -> every.merge(hour, n, Integer::sum));
        if (every.isEmpty()) {
            return new Buckets(ChronoUnit.DAYS, List.of());
        }
        ChronoUnit unit = every.firstKey().truncatedTo(ChronoUnit.DAYS)
                .equals(every.lastKey().truncatedTo(ChronoUnit.DAYS)) ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        Instant from = every.firstKey().truncatedTo(unit);
        Instant to = every.lastKey().truncatedTo(unit);
        List<Bucket> buckets = new ArrayList<>();
        for (Instant t = from; !t.isAfter(to); t = t.plus(1, unit)) {
            Instant end = t.plus(1, unit);
            buckets.add(new Bucket(t, (unit == ChronoUnit.DAYS ? DAY : HOUR).format(t), sum(sends, t, end),
                    sum(replies, t, end)));
        }
        return new Buckets(unit, buckets);
    }

    /** Instants counted by the hour they fall in. */
    public static NavigableMap<Instant, Integer> perHour(List<Instant> times) {
        NavigableMap<Instant, Integer> hours = new TreeMap<>();
        times.forEach(t -> hours.merge(t.truncatedTo(ChronoUnit.HOURS), 1, Integer::sum));
        return hours;
    }

    /** The largest count of either kind in any bucket (at least 1, so an empty chart still has a scale). */
    public int max() {
        return Math.max(1, all.stream().mapToInt(b -> Math.max(b.sends(), b.replies())).max().orElse(0));
    }

    /** "Day (UTC)", or the one day's date when the buckets are hours. */
    public String axisTitle() {
        return unit == ChronoUnit.DAYS || all.isEmpty() ? "Day (UTC)" : "Hour (UTC) on " + DAY.format(all.get(0).start());
    }

    private static int sum(NavigableMap<Instant, Integer> hours, Instant from, Instant to) {
        return hours.subMap(from, true, to, false).values().stream().mapToInt(Integer::intValue).sum();
    }
}
