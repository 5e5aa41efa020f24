package org.lettermerge.followup;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.lettermerge.campaign.MailboxSettings;
import org.lettermerge.oauth.AccessTokens;
import org.lettermerge.oauth.LoginRequiredException;
import org.lettermerge.oauth.SignInException;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.smtp.ServerUnavailableException.Reason;

/**
 * An IMAP login with SASL XOAUTH2, the same way as SMTP's: a refused token gets one refresh and one more try,
 * then it is a login problem for `lettermerge login`.
 */
final class ImapOAuthLogin {

    private ImapOAuthLogin() {}

    /** Returns {@code store}, connected. */
    static Store connect(Store store, MailboxSettings settings, AccessTokens tokens) throws MessagingException {
        try {
            store.connect(settings.host(), settings.port(), tokens.username(), token(tokens, false));
            return store;
        } catch (AuthenticationFailedException first) {
            // fall through: one refresh, one more try
        }
        try {
            store.connect(settings.host(), settings.port(), tokens.username(), token(tokens, true));
            return store;
        } catch (AuthenticationFailedException e) {
            throw new ServerUnavailableException(Reason.LOGIN_REQUIRED, "the mailbox at " + settings.host() + ":"
                    + settings.port() + " refused the access token of " + tokens.username() + " even after a refresh; "
                    + tokens.signInAgain(), e);
        }
    }

    private static String token(AccessTokens tokens, boolean renew) {
        try {
            return renew ? tokens.renewed() : tokens.current();
        } catch (LoginRequiredException e) {
            throw new ServerUnavailableException(Reason.LOGIN_REQUIRED, e.getMessage(), null);
        } catch (SignInException e) {
            throw new ServerUnavailableException(Reason.OTHER, "cannot renew the sign-in of " + tokens.username()
                    + " for the mailbox: " + e.getMessage(), null);
        }
    }
}
