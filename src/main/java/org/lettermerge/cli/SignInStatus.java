package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.oauth.Account;
import org.lettermerge.oauth.LoginRequiredException;
import org.lettermerge.oauth.Provider;
import org.lettermerge.oauth.SignIn;
import org.lettermerge.oauth.SignInException;
import org.lettermerge.oauth.StoredGrant;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;

/** What `check` says about a campaign's OAuth sign-in, confirmed with the provider, before anything is queued. */
final class SignInStatus {

    private SignInStatus() {}

    static void requireOAuth(Campaign campaign) {
        if (campaign.oauthAccounts().isEmpty() || campaign.oauth() == null) {
            throw new InvalidInputException(Problem.error(Problem.display(campaign.file()), "the campaign signs in "
                    + "with a password, so there is nothing to log in to: for OAuth set smtp.auth: oauth2 (and "
                    + "mailbox.auth) and add an oauth section (see the README, Signing in with OAuth)"));
        }
    }

    /** Prints one line per account; returns false when one must sign in first. */
    static boolean report(PrintWriter out, Campaign campaign, Logins logins) {
        boolean ready = true;
        for (String username : campaign.oauthAccounts()) {
            SignIn signIn = logins.signIn(campaign, username);
            Account account = signIn.account();
            Optional<StoredGrant> before = Logins.store().read(account);
            if (before.isEmpty()) {
                out.println("Sign-in: " + account.describe() + " is not signed in: run `"
                        + Logins.loginCommand(campaign) + "` before sending");
                ready = false;
                continue;
            }
            try {
                signIn.current(); // a refresh: the provider confirms the grant now
                StoredGrant now = Logins.store().read(account).orElse(before.get());
                out.println("Sign-in: " + account.describe() + " is signed in (confirmed by the provider now); "
                        + goodUntil(now, account.provider()));
            } catch (LoginRequiredException e) {
                out.println("Sign-in: " + e.getMessage());
                ready = false;
            } catch (SignInException e) {
                out.println("Sign-in: " + account.describe() + " has a stored sign-in that could not be confirmed now ("
                        + e.getMessage() + ")");
            }
        }
        return ready;
    }

    /** Microsoft and Google do not say how long a refresh token lasts; their documented rules are given instead. */
    static String goodUntil(StoredGrant grant, Provider provider) {
        if (grant.expiresAt() != null) {
            return "the refresh token is good until " + grant.expiresAt();
        }
        Instant confirmed = grant.confirmedAt();
        return switch (provider) {
            case MICROSOFT -> "the refresh token is good until about " + confirmed.plus(Duration.ofDays(90))
                    + " (90 days without use; each use extends it), unless an admin revokes it";
            case GOOGLE -> "the refresh token is good until revoked or 6 months unused (about "
                    + confirmed.plus(Duration.ofDays(182)) + "); an app still \"In testing\" in Google Cloud loses "
                    + "it after 7 days";
            case CUSTOM -> "the provider did not say how long the refresh token lasts; it was good at " + confirmed;
        };
    }
}
