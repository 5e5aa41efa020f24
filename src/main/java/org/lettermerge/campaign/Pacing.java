package org.lettermerge.campaign;

import java.util.Objects;
import org.lettermerge.schedule.AccountLimits;
import org.lettermerge.schedule.MessageSizeLimit;

/**
 * How fast an SMTP account may be used: its limits (a rate and a rolling daily cap, from a provider preset or
 * set by hand), how many connections to open in parallel within that budget, and after how many messages to
 * reconnect (providers cap messages per connection; 0 = never), and the largest message the provider takes.
 */
public record Pacing(AccountLimits limits, int connections, int messagesPerConnection, MessageSizeLimit messageSize) {

    public static final Pacing UNLIMITED = new Pacing(AccountLimits.NONE, 1, 0, MessageSizeLimit.NONE);

    public Pacing {
        if (connections < 1 || connections > 16) {
            throw new IllegalArgumentException("connections must be 1 to 16, not " + connections);
        }
        if (messagesPerConnection < 0) {
            throw new IllegalArgumentException("messages_per_connection must be 0 (no limit) or more");
        }
        Objects.requireNonNull(messageSize, "messageSize");
    }

    public Pacing withLimits(AccountLimits newLimits) {
        return new Pacing(newLimits, connections, messagesPerConnection, messageSize);
    }
}
