package org.lettermerge.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

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
        List<Instant> every = new ArrayList<>(sends);
        every.addAll(replies);
        if (every.isEmpty()) {
            return new Buckets(ChronoUnit.DAYS, List.of());
        }
        Instant first = every.stream().min(Instant::compareTo).orElseThrow().truncatedTo(ChronoUnit.DAYS);
        Instant last = every.stream().max(Instant::compareTo).orElseThrow().truncatedTo(ChronoUnit.DAYS);
        ChronoUnit unit = first.equals(last) ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        Instant from = every.stream().min(Instant::compareTo).orElseThrow().truncatedTo(unit);
        Instant to = every.stream().max(Instant::compareTo).orElseThrow().truncatedTo(unit);
        List<Bucket> buckets = new ArrayList<>();
        for (Instant t = from; !t.isAfter(to); t = t.plus(1, unit)) {
            buckets.add(new Bucket(t, (unit == ChronoUnit.DAYS ? DAY : HOUR).format(t), count(sends, t, unit),
                    count(replies, t, unit)));
        }
        return new Buckets(unit, buckets);
    }

    /** The largest count of either kind in any bucket (at least 1, so an empty chart still has a scale). */
    public int max() {
        return Math.max(1, all.stream().mapToInt(b -> Math.max(b.sends(), b.replies())).max().orElse(0));
    }

    /** "Day (UTC)", or the one day's date when the buckets are hours. */
    public String axisTitle() {
        return unit == ChronoUnit.DAYS || all.isEmpty() ? "Day (UTC)" : "Hour (UTC) on " + DAY.format(all.get(0).start());
    }

    private static int count(List<Instant> times, Instant start, ChronoUnit unit) {
        return (int) times.stream().filter(t -> t.truncatedTo(unit).equals(start)).count();
    }
}
