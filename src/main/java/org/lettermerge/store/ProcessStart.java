package org.lettermerge.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * When a process started, written so that another process can tell a live holder of the sender claim from a later
 * process that got its pid. On Linux: the start in clock ticks since boot, from /proc — the kernel's own count,
 * the same for every reader. (The JDK's start instant adds the boot time, which Linux derives from the wall clock:
 * when the clock is adjusted, two JVMs, or one JVM and itself days later, see the same process start at
 * different instants, and a live sender looked gone to a second one.) Elsewhere the JDK's instant, compared with
 * some slack.
 */
final class ProcessStart {

    private static final String TICKS = "ticks:";
    private static final Duration SLACK = Duration.ofSeconds(2);

    private ProcessStart() {}

    /** The process's start as this machine records it, or null when it cannot be read. */
    static String of(ProcessHandle process) {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        if (Files.isReadable(stat)) {
            try {
                return TICKS + startTicks(Files.readString(stat));
            } catch (IOException | RuntimeException e) {
                // fall back on the JDK's instant
            }
        }
        return instant(process);
    }

    private static String instant(ProcessHandle process) {
        return process.info().startInstant().map(Timestamps::format).orElse(null);
    }

    /** Field 22 of /proc/PID/stat; the command name (field 2) may hold spaces and parentheses, so count from its end. */
    static long startTicks(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(after[22 - 3]);
    }

    /**
     * Whether {@code process} is the one whose start was recorded. A start that cannot be read now is given the
     * benefit of the doubt; one recorded as an instant (another system, or a version before the ticks) is compared
     * as an instant, with slack.
     */
    static boolean same(String recorded, ProcessHandle process) {
        if (recorded == null) {
            return true;
        }
        if (recorded.startsWith(TICKS)) {
            String seen = of(process);
            return seen == null || !seen.startsWith(TICKS) || recorded.equals(seen);
        }
        String seen = instant(process);
        return seen == null
                || Duration.between(Timestamps.parse(recorded), Timestamps.parse(seen)).abs().compareTo(SLACK) <= 0;
    }
}
