package org.lettermerge.campaign;

import org.lettermerge.schedule.AccountLimits;

/**
 * How fast an SMTP account may be used: its limits (a rate and a rolling daily cap, from a provider preset or
 * set by hand), how many connections to open in parallel within that budget, and after how many messages to
 * reconnect (providers cap messages per connection; 0 = never).
 */
public record Pacing(AccountLimits limits, int connections, int messagesPerConnection) {

    public static final Pacing UNLIMITED = new Pacing(AccountLimits.NONE, 1, 0);

    public Pacing {
        if (connections < 1 || connections > 16) {
            throw new IllegalArgumentException("connections must be 1 to 16, not " + connections);
        }
        if (messagesPerConnection < 0) {
            throw new IllegalArgumentException("messages_per_connection must be 0 (no limit) or more");
        }
    }

    public Pacing withLimits(AccountLimits newLimits) {
        return new Pacing(newLimits, connections, messagesPerConnection);
    }
}
