package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.lettermerge.schedule.Progress;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * "sent 40/121 · 12.3/s · 0:08 left" on stderr: rewritten in place on a terminal, a line every tenth of the
 * run otherwise (so logs of cron jobs stay short). Failures are always printed, each on its own line.
 */
final class ProgressLine implements Progress {

    private final PrintWriter err;
    private final PrintWriter events;
    private final Clock clock;
    private final boolean terminal = System.console() != null;
    private Instant start;
    private int total;
    private boolean lineOpen;

    /** Progress only: the command's summary says what happened to its campaign. */
    ProgressLine(PrintWriter err, Clock clock) {
        this(err, null, clock);
    }

    /** Progress, and a line on {@code events} for each campaign that starts, pauses, resumes or finishes (run). */
    ProgressLine(PrintWriter err, PrintWriter events, Clock clock) {
        this.err = err;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void campaign(String campaign, String event) {
        if (events == null) {
            return;
        }
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
        events.println(TIME.format(clock.instant().atZone(clock.getZone())) + " " + campaign + ": " + event);
        events.flush();
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Override
    public void started(int total) {
        this.total = total;
        start = clock.instant();
    }

    @Override
    public void settled(StoredRecipient recipient, State outcome, String reply, int done) {
        if (start == null) {
            start = clock.instant();
        }
        if (outcome != State.ACCEPTED) {
            err.println((terminal ? "\r" : "") + "  " + outcome + " " + recipient.email() + ": " + reply);
        }
        int every = total > 0 ? Math.max(1, total / 10) : 100;
        if (!terminal && done != total && done % every != 0) {
            return;
        }
        double seconds = Math.max(0.001, Duration.between(start, clock.instant()).toMillis() / 1000.0);
        double rate = done / seconds;
        if (total <= 0) {
            err.printf("%ssent %d · %.1f/s%s", terminal ? "\r" : "", done, rate, terminal ? "" : "\n");
            lineOpen = terminal;
        } else {
            long left = rate > 0 ? Math.round((total - done) / rate) : 0;
            err.printf("%ssent %d/%d · %.1f/s · %d:%02d left%s", terminal ? "\r" : "", done, total, rate, left / 60,
                    left % 60, terminal && done < total ? "" : "\n");
            lineOpen = terminal && done < total;
        }
        err.flush();
    }
}
