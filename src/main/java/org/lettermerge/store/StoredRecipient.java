package org.lettermerge.store;

import java.time.Instant;
import java.util.Map;

/** One recipient row of the delivery log. */
public record StoredRecipient(
        long id,
        String emailKey,
        String email,
        String name,
        Map<String, String> fields,
        String rowHash,
        int line,
        State state,
        int attempts,
        String messageId,
        Integer smtpCode,
        String smtpReply,
        Instant queuedAt,
        Instant lastAttemptAt,
        Instant updatedAt,
        Instant removedAt,
        Instant nextAttemptAt,
        Instant firstAttemptAt) {

    public boolean isRemoved() {
        return removedAt != null;
    }
}
