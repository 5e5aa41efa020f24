package org.lettermerge.testsupport;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scripted server that holds its reply to one message's final "." until the test lets it go, then answers 250
 * like a healthy server: a sender caught in the middle of a letter, while the test tries something else.
 */
public final class HeldDataEnd implements Script {

    private static final Duration LONGEST = Duration.ofSeconds(60);

    private final int transaction;
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** @param transaction the 0-based number of the message whose reply is held (see {@link Script}) */
    public HeldDataEnd(int transaction) {
        this.transaction = transaction;
    }

    /** Waits until the sender has sent that message's final "." and waits for the reply. */
    public boolean awaitHolding(Duration timeout) throws InterruptedException {
        return holding.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void release() {
        release.countDown();
    }

    @Override
    public Reply onDataEnd(byte[] message, int current) {
        if (current == transaction) {
            holding.countDown();
            try {
                release.await(LONGEST.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Script.super.onDataEnd(message, current);
    }
}
