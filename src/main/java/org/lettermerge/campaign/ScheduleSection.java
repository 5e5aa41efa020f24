package org.lettermerge.campaign;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.lettermerge.campaign.YamlTree.Mapping;
import org.lettermerge.schedule.Backoff;
import org.lettermerge.schedule.SendWindow;

/**
 * The campaign file's {@code schedule} key: the hours letters may go out, the campaign's time zone, the retry
 * backoff, the error budget and the grace period for a missed start.
 */
final class ScheduleSection {

    private static final Set<String> KEYS = Set.of("window", "timezone", "retry", "error_budget", "missed_grace");
    private static final Set<String> RETRY_KEYS = Set.of("first", "max", "lifetime");

    private final CampaignFile reader;

    ScheduleSection(CampaignFile reader) {
        this.reader = reader;
    }

    ScheduleSettings read(YamlTree node) {
        ScheduleSettings defaults = ScheduleSettings.defaults(ZoneId.systemDefault());
        if (node == null || node instanceof YamlTree.Scalar s && s.text() == null) {
            return defaults;
        }
        if (!(node instanceof Mapping schedule)) {
            reader.problem(node.line(), "'schedule' is a mapping, e.g. { window: Mon-Fri 09:00-17:00, timezone: "
                    + "America/New_York }");
            return defaults;
        }
        reader.rejectUnknownKeys(schedule, KEYS, "schedule.");
        return new ScheduleSettings(window(schedule), zone(schedule, defaults.zone()), retry(schedule, defaults.retry()),
                reader.number(schedule, "error_budget", defaults.errorBudget(), 0, 1_000_000, "schedule."),
                reader.duration(schedule, "missed_grace", defaults.missedGrace(), "schedule."));
    }

    private SendWindow window(Mapping schedule) {
        return reader.parsed(schedule, "window", SendWindow.ALWAYS, "schedule.", SendWindow::parse);
    }

    private ZoneId zone(Mapping schedule, ZoneId fallback) {
        return reader.parsed(schedule, "timezone", fallback, "schedule.", text -> {
            try {
                return ZoneId.of(text.strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("unknown time zone '" + text
                        + "': use a name such as America/New_York, Europe/Berlin or UTC", e);
            }
        });
    }

    private Backoff retry(Mapping schedule, Backoff defaults) {
        YamlTree node = schedule.entries().get("retry");
        if (!(node instanceof Mapping retry)) {
            if (node != null) {
                reader.problem(node.line(), "schedule.retry is a mapping, e.g. { first: 5m, max: 1h, lifetime: 3d }");
            }
            return defaults;
        }
        reader.rejectUnknownKeys(retry, RETRY_KEYS, "schedule.retry.");
        Duration first = reader.duration(retry, "first", defaults.first(), "schedule.retry.");
        Duration max = reader.duration(retry, "max", defaults.max(), "schedule.retry.");
        Duration lifetime = reader.duration(retry, "lifetime", defaults.lifetime(), "schedule.retry.");
        try {
            return new Backoff(first, max, lifetime);
        } catch (IllegalArgumentException e) {
            reader.problem(retry.line(), "schedule.retry: " + e.getMessage());
            return defaults;
        }
    }
}
