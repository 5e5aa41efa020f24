package org.lettermerge.cli;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lettermerge.campaign.Auth;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.SmtpChoice;
import org.lettermerge.oauth.Account;
import org.lettermerge.oauth.LoginRequiredException;
import org.lettermerge.oauth.OAuthSettings;
import org.lettermerge.oauth.SignIn;
import org.lettermerge.oauth.TokenEndpoint;
import org.lettermerge.oauth.TokenStore;
import org.lettermerge.oauth.TokenStores;
import org.lettermerge.problems.Problem;
import org.lettermerge.smtp.Credentials;

/**
 * How one command signs in to a campaign's servers: the password as before, or the account's OAuth sign-in. One
 * {@link SignIn} per account for the whole command, shared by SMTP and IMAP and every campaign of `run`, so a
 * rotated refresh token is used once and replaced at once.
 */
final class Logins {

    private final Clock clock;
    private final TokenStore store;
    /**
     * Made when a token endpoint is first needed: building it loads Java's HTTP and TLS stacks and reads the trust
     * store, a fifth of a second of every `send --live` before its first letter when nothing signs in with OAuth.
     */
    private HttpClient http;
    private final Map<Account, SignIn> signIns = new ConcurrentHashMap<>();

    Logins(Clock clock) {
        this.clock = clock;
        this.store = store();
    }

    /** Where refresh tokens are kept: the keyring, or files in the user's config folder (see {@link TokenStores}). */
    static TokenStore store() {
        return TokenStores.forThisUser();
    }

    Credentials forServer(Campaign campaign) {
        if (campaign.smtp() instanceof SmtpChoice.Relay relay && relay.signsInWithOAuth()) {
            return new Credentials.OAuth2(signIn(campaign, relay.settings().username()));
        }
        return Credentials.password(Passwords.forServer(campaign.smtp()));
    }

    Credentials forMailbox(Campaign campaign) {
        if (campaign.mailbox().auth() == Auth.OAUTH2) {
            return new Credentials.OAuth2(signIn(campaign, campaign.mailbox().username()));
        }
        return Credentials.password(Passwords.forMailbox(campaign.mailbox()));
    }

    /**
     * Refuses, before anything is queued, a campaign whose account never signed in on this machine: `send --live`
     * would queue every letter and pause at once. Whether the sign-in is still good is for the first connection.
     */
    void requireSignedIn(Campaign campaign) {
        if (campaign.oauth() == null) {
            return;
        }
        for (String username : campaign.oauthAccounts()) {
            Account account = Account.of(username, campaign.oauth());
            if (store.read(account).isEmpty()) {
                throw new LoginRequiredException(account.describe() + " is not signed in on this machine: run `"
                        + loginCommand(campaign) + "` first; nothing was queued or sent");
            }
        }
    }

    SignIn signIn(Campaign campaign, String username) {
        OAuthSettings settings = campaign.oauth();
        Account account = Account.of(username, settings);
        return signIns.computeIfAbsent(account, a -> new SignIn(a, endpoint(settings), store, clock,
                loginCommand(campaign)));
    }

    TokenEndpoint endpoint(OAuthSettings settings) {
        return new TokenEndpoint(http(), settings, Passwords.clientSecret(settings));
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = TokenEndpoint.defaultClient();
        }
        return http;
    }

    static String loginCommand(Campaign campaign) {
        return Hint.lettermerge("login", Problem.display(campaign.file())).toString();
    }
}
