package org.lettermerge.store;

import java.time.Instant;
import java.util.Map;

/**
 * One recipient row of the delivery log; {@code skipReason} is why a SKIPPED row is not sent; {@code parentId} is,
 * for a reminder, the row whose letter it answers (null otherwise).
 */
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
        Instant firstAttemptAt,
        Instant skippedAt,
        String skipReason,
        Long parentId) {

    public boolean isRemoved() {
        return removedAt != null;
    }
}
