package org.lettermerge.delivery;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * "Stop means stop": once requested, the send loop starts no new SMTP transaction, finishes the one in flight
 * and records its outcome. Whoever requested the stop can wait for that.
 */
public final class StopSignal {

    private volatile boolean requested;
    private final CountDownLatch finished = new CountDownLatch(1);

    public void request() {
        requested = true;
    }

    public boolean isRequested() {
        return requested;
    }

    /** Called once the run has settled its last letter and closed the log. */
    public void finished() {
        finished.countDown();
    }

    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
