package org.lettermerge.testsupport;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A scripted server that never answers RCPT TO for one address until {@link #recover()}; then it behaves like a
 * healthy server. The letter is claimed but its data never reaches the server: the moment to kill a sender.
 */
public final class StalledRcpt implements Script {

    private final String address;
    private final AtomicBoolean stalling = new AtomicBoolean(true);

    public StalledRcpt(String address) {
        this.address = address;
    }

    public void recover() {
        stalling.set(false);
    }

    @Override
    public Reply onRcpt(String rcpt, int transaction) {
        return stalling.get() && rcpt.equals(address) ? Reply.stall() : Script.super.onRcpt(rcpt, transaction);
    }
}
