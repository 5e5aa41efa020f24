package org.lettermerge.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's sign-in for this process: the refresh token from the store, the access token in memory, renewed
 * before it expires. One per account per process, shared by every connection and campaign of the account, so that
 * a refresh token the server rotates is used by one refresh at a time and replaced in the store at once.
 */
public final class SignIn implements AccessTokens {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);
    /** Renewed when less than this is left, so a connection never starts its login with a token about to expire. */
    static final Duration MARGIN = Duration.ofMinutes(5);

    private final Account account;
    private final TokenEndpoint endpoint;
    private final TokenStore store;
    private final Clock clock;
    private final String loginCommand;
    private String accessToken;
    private Instant expiresAt;

    /** @param loginCommand the command that signs this account in again, e.g. "lettermerge login campaign.yaml" */
    public SignIn(Account account, TokenEndpoint endpoint, TokenStore store, Clock clock, String loginCommand) {
        this.account = Objects.requireNonNull(account, "account");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.loginCommand = Objects.requireNonNull(loginCommand, "loginCommand");
    }

    @Override
    public String username() {
        return account.username();
    }

    public Account account() {
        return account;
    }

    @Override
    public synchronized String current() {
        if (accessToken == null || !clock.instant().plus(MARGIN).isBefore(expiresAt)) {
            refresh();
        }
        return accessToken;
    }

    @Override
    public synchronized String renewed() {
        refresh();
        return accessToken;
    }

    @Override
    public String signInAgain() {
        return "sign in again: `" + loginCommand + "`";
    }

    /** When the access token in memory expires, or null before the first. */
    public synchronized Instant accessTokenExpiresAt() {
        return expiresAt;
    }

    private void refresh() {
        accessToken = null;
        // Read again each time: another process (a `login`, another run) may have replaced the token since.
        StoredGrant stored = store.read(account)
                .orElseThrow(() -> new LoginRequiredException(account.describe() + " is not signed in: "
                        + signInAgain().replace("sign in again", "sign in")));
        Instant now = clock.instant();
        TokenReply reply = endpoint.refresh(stored.refreshToken());
        if (reply instanceof TokenReply.Refused refused && refused.error().equals("invalid_grant")) {
            // Another process (a second `run`, a `check`) may have used the token a moment ago and stored its
            // rotated successor: that one is still good, and the sign-in with it.
            StoredGrant latest = store.read(account).orElse(stored);
            if (!latest.refreshToken().equals(stored.refreshToken())) {
                stored = latest;
                reply = endpoint.refresh(stored.refreshToken());
            }
        }
        if (reply instanceof TokenReply.Refused refused) {
            if (refused.error().equals("invalid_grant")) {
                throw new LoginRequiredException("the sign-in of " + account.describe() + " is no longer valid "
                        + "(revoked, expired or the password changed: " + refused.describe() + "); " + signInAgain());
            }
            throw new SignInException("the token endpoint refused to renew the access token of "
                    + account.describe() + " (" + refused.describe() + ")");
        }
        TokenReply.Granted granted = (TokenReply.Granted) reply;
        // Rotation (RFC 9700 4.14.2): a new refresh token replaces the old, which the server may now refuse.
        // Saved either way: the confirmation time is what `check` reports.
        store.save(account, granted.refreshToken() != null
                ? new StoredGrant(granted.refreshToken(), now, Grants.expiry(granted, now))
                : new StoredGrant(stored.refreshToken(), now, stored.expiresAt()));
        accessToken = granted.accessToken();
        expiresAt = now.plus(granted.expiresIn());
        log.debug("renewed the access token of {}; it expires at {}", account.describe(), expiresAt);
    }
}
