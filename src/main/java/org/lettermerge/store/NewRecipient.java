package org.lettermerge.store;

import java.util.Map;
import java.util.Objects;

/** A recipient row about to be queued, with the Message-ID every attempt will carry. */
public record NewRecipient(String emailKey, String email, String name, Map<String, String> fields, String rowHash,
                           int line, String messageId) {
    public NewRecipient {
        Objects.requireNonNull(emailKey, "emailKey");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(messageId, "messageId");
        fields = Map.copyOf(fields);
    }
}
