package org.lettermerge.store;

import java.time.Instant;

/** One line of the append-only history. {@code recipientId} is null for campaign-wide events. */
public record Event(long id, Long recipientId, Instant at, EventKind kind, State fromState, State toState,
                    Integer smtpCode, String smtpReply, String detail) {}
