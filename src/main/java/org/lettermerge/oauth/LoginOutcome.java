package org.lettermerge.oauth;

import java.time.Instant;

/** How one account's `lettermerge login` ended. Only {@link SignedIn} stored anything. */
public sealed interface LoginOutcome {

    /** @param expiresAt when the refresh token stops working if the server said, else null */
    record SignedIn(Account account, Instant expiresAt) implements LoginOutcome {}

    /** Nothing stored; {@code reason} says what happened and what to do. */
    record Failed(Account account, String reason) implements LoginOutcome {}
}
