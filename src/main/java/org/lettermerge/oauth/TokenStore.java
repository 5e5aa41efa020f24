package org.lettermerge.oauth;

import java.util.Optional;

/**
 * Where refresh tokens live: never in the campaign folder or the delivery log (both are copied, shared and backed
 * up), only in the user's keyring or a file only the user can read.
 */
public interface TokenStore {

    Optional<StoredGrant> read(Account account);

    /** Replaces what was kept for the account (a rotated refresh token replaces the old one). */
    void save(Account account, StoredGrant grant);

    /** Returns whether anything was kept. */
    boolean forget(Account account);

    /** Where the tokens are kept, for messages ("~/.config/lettermerge/tokens"). */
    String where();
}
