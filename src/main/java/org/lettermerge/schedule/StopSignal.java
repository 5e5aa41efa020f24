package org.lettermerge.schedule;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * "Stop means stop": once requested, the send loop starts no new SMTP transaction, finishes the one in flight
 * and records its outcome. Whoever requested the stop can wait for that.
 */
public final class StopSignal {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    public void request() {
        requested.countDown();
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits up to {@code timeout} for a stop request: the scheduler's idle wait, cut short by Ctrl-C. */
    void awaitRequested(Duration timeout) throws InterruptedException {
        requested.await(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Called once the run has settled its last letter and closed the log. */
    public void finished() {
        finished.countDown();
    }

    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
