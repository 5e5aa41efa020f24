package org.lettermerge.schedule;

import java.time.Duration;
import java.time.Instant;
import org.lettermerge.smtp.SendOutcome;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.store.PauseKind;

/**
 * A server's answer about us rather than about a recipient, turned into a pause: quota and throttling replies
 * pause for a while and tighten the pace; an unreachable server pauses for a while; a configuration problem
 * (authentication, TLS, certificates) waits for the organizer's `resume`.
 */
record PushBack(PauseKind kind, String reason, Instant resumeAt, boolean tightenPace) {

    /** How long a throttled or unreachable campaign waits before it tries again by itself. */
    static final Duration WAIT = Duration.ofMinutes(15);

    static PushBack of(SendOutcome.ServerRefused refused, Instant now) {
        int code = refused.code();
        if (code == 530 || code == 534 || code == 535) {
            return new PushBack(PauseKind.SERVER, "the server refused our login: " + refused.reply(), null, false);
        }
        return new PushBack(PauseKind.THROTTLE, "the server pushed back: " + refused.reply(), now.plus(WAIT), true);
    }

    static PushBack of(ServerUnavailableException e, Instant now) {
        switch (e.reason()) {
            case CONNECTION_REFUSED, TIMED_OUT, GREETING_REFUSED, OTHER -> {
                return new PushBack(PauseKind.UNREACHABLE, e.getMessage(), now.plus(WAIT), false);
            }
            default -> {
                return new PushBack(PauseKind.SERVER, e.getMessage(), null, false);
            }
        }
    }
}
