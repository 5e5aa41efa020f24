package org.lettermerge.cli;

import java.time.Duration;
import org.lettermerge.schedule.StopSignal;

/**
 * Runs a sending command so that Ctrl-C or SIGTERM stops it cleanly: no new letter starts, the one in flight gets
 * its outcome into the log and the summary is printed before the JVM exits. A crash (kill -9) is left to the
 * recovery at the next run instead.
 */
final class StopOnSignal {

    interface Body {
        int run(StopSignal stop) throws InterruptedException;
    }

    private StopOnSignal() {}

    static int around(Body body) throws InterruptedException {
        StopSignal stop = new StopSignal();
        Thread onSignal = new Thread(() -> {
            stop.request();
            try {
                stop.awaitFinished(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lettermerge-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            return body.run(stop);
        } finally {
            stop.finished();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already stopping: the hook is running and now sees the run finished.
            }
        }
    }
}
