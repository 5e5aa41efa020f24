package org.lettermerge.oauth;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The device authorization grant (RFC 8628) for a machine without a browser: the user opens an address on another
 * device and types a code, while this polls the token endpoint at the pace the server asks for.
 */
public final class DeviceLogin {

    /** Waits between polls; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** RFC 8628 3.5: each slow_down adds 5 seconds to the interval. */
    static final Duration SLOW_DOWN = Duration.ofSeconds(5);

    private final TokenEndpoint endpoint;
    private final TokenStore store;
    private final Clock clock;
    private final Pause pause;
    private final PrintWriter out;

    public DeviceLogin(TokenEndpoint endpoint, TokenStore store, Clock clock, Pause pause, PrintWriter out) {
        this.endpoint = endpoint;
        this.store = store;
        this.clock = clock;
        this.pause = pause;
        this.out = out;
    }

    public LoginOutcome login(Account account) {
        TokenEndpoint.DeviceStart start = endpoint.startDevice();
        out.println("Sign in as " + account.username() + ": on any device, open");
        out.println();
        out.println("  " + start.verificationUri());
        out.println();
        out.println("and enter the code " + start.userCode() + " (it expires in " + start.expiresIn().toMinutes()
                + " min).");
        out.flush();
        Instant deadline = clock.instant().plus(start.expiresIn());
        Duration interval = start.interval();
        while (clock.instant().isBefore(deadline)) {
            try {
                pause.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new LoginOutcome.Failed(account, "interrupted while waiting for the sign-in; nothing was stored");
            }
            TokenReply reply = endpoint.pollDevice(start.deviceCode());
            if (reply instanceof TokenReply.Granted granted) {
                StoredGrant grant = Grants.stored(granted, clock.instant(), account.provider());
                store.save(account, grant);
                return new LoginOutcome.SignedIn(account, grant.expiresAt());
            }
            TokenReply.Refused refused = (TokenReply.Refused) reply;
            switch (refused.error()) {
                case "authorization_pending" -> { }
                case "slow_down" -> interval = interval.plus(SLOW_DOWN);
                case "expired_token" -> {
                    return expired(account);
                }
                case "access_denied" -> {
                    return new LoginOutcome.Failed(account, "the sign-in was declined on the other device "
                            + "(access_denied). Nothing was stored.");
                }
                default -> {
                    return new LoginOutcome.Failed(account, "the token endpoint refused the device sign-in ("
                            + refused.describe() + "). Nothing was stored.");
                }
            }
        }
        return expired(account);
    }

    private static LoginOutcome expired(Account account) {
        return new LoginOutcome.Failed(account, "the code expired before the sign-in was finished: run "
                + "`lettermerge login --device` again and enter the new code. Nothing was stored.");
    }
}
