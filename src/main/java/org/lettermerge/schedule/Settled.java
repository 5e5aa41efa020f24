package org.lettermerge.schedule;

import org.lettermerge.smtp.SendOutcome;
import org.lettermerge.store.State;

/** An SMTP outcome as the log records it: the state it leaves the row in, the server's reply, a note. */
public record Settled(State state, Integer code, String reply, String detail) {

    public static Settled of(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Accepted a) {
            return new Settled(State.ACCEPTED, a.code(), a.reply(), null);
        } else if (outcome instanceof SendOutcome.Deferred d) {
            return new Settled(State.DEFERRED, d.code(), d.reply(), "temporary failure");
        } else if (outcome instanceof SendOutcome.Failed f) {
            return new Settled(State.FAILED, f.code(), f.reply(), "permanent failure");
        } else if (outcome instanceof SendOutcome.Unknown u) {
            return new Settled(State.UNKNOWN, null, null,
                    u.reason() + ": the server may have the letter, so it is not sent again automatically");
        } else if (outcome instanceof SendOutcome.NotHandedOver n) {
            // Nothing reached the server: safe to send again, by a later run.
            return new Settled(State.DEFERRED, null, null, n.reason());
        } else if (outcome instanceof SendOutcome.ServerRefused r) {
            // A reply about us (quota, throttling, 421), not about the recipient: before the final "." the letter
            // never left, so it goes back to the queue; after it, the server declined it for now.
            return new Settled(r.afterFinalDot() ? State.DEFERRED : State.QUEUED, r.code(), r.reply(),
                    "the server refused us; the run stopped");
        }
        throw new IllegalArgumentException("unknown outcome " + outcome);
    }
}
