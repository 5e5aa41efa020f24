package org.lettermerge.smtp;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.util.function.Supplier;
import org.lettermerge.oauth.AccessTokens;
import org.lettermerge.oauth.LoginRequiredException;
import org.lettermerge.oauth.SignInException;
import org.lettermerge.smtp.ServerUnavailableException.Reason;

/**
 * An SMTP login with SASL XOAUTH2. A refused token that should still be valid gets one refresh and one more
 * connection (the provider may have revoked it early, or this machine's clock is off); a second refusal, or a
 * refresh the provider refuses, is a login problem for `lettermerge login`. Microsoft's 535 5.7.139 is not about
 * the token at all: SMTP AUTH is turned off for the tenant or the mailbox, which only an admin can change.
 */
final class OAuthLogin {

    private OAuthLogin() {}

    static DataEndTransport connect(SmtpSettings settings, AccessTokens tokens, Supplier<DataEndTransport> transports) {
        DataEndTransport first = transports.get();
        try {
            first.connect(settings.host(), settings.port(), tokens.username(), token(settings, tokens, false));
            return first;
        } catch (AuthenticationFailedException e) {
            String reply = first.getLastServerResponse();
            String mechanisms = first.getExtensionParameter("AUTH");
            SmtpClient.quietlyClose(first);
            if (mechanisms != null && !mechanisms.toUpperCase(java.util.Locale.ROOT).contains("XOAUTH2")) {
                // No refresh can help a server that does not take tokens at all (and the token was never sent).
                throw new ServerUnavailableException(Reason.AUTHENTICATION_NOT_OFFERED, "the SMTP server "
                        + settings.address() + " offers no OAuth sign-in (its AUTH is " + mechanisms.strip() + ", "
                        + "no XOAUTH2): check smtp.host and smtp.port (Microsoft 365: smtp.office365.com:587, Google: "
                        + "smtp.gmail.com:587), or sign in with a password (smtp.auth: password)", e);
            }
            if (smtpAuthDisabled(e, reply)) {
                throw new ServerUnavailableException(Reason.AUTHENTICATION_REJECTED, "the SMTP server "
                        + settings.address() + " refused the login of " + tokens.username() + " with 535 5.7.139: "
                        + "SMTP AUTH is turned off for the tenant or this mailbox. A Microsoft 365 admin must turn on "
                        + "\"Authenticated SMTP\" for the mailbox (Microsoft 365 admin center > Users > the user > "
                        + "Mail > Manage email apps) and allow SMTP AUTH for the organization "
                        + "(Set-TransportConfig -SmtpClientAuthenticationDisabled $false). Signing in again will not help.",
                        "SMTP AUTH is turned off for " + tokens.username(), e);
            }
        } catch (MessagingException e) {
            String reply = first.getLastServerResponse();
            SmtpClient.quietlyClose(first);
            throw ConnectFailures.of(settings, e, reply);
        }
        DataEndTransport second = transports.get();
        try {
            second.connect(settings.host(), settings.port(), tokens.username(), token(settings, tokens, true));
            return second;
        } catch (AuthenticationFailedException e) {
            SmtpClient.quietlyClose(second);
            throw new ServerUnavailableException(Reason.LOGIN_REQUIRED, "the SMTP server " + settings.address()
                    + " refused the access token of " + tokens.username() + " even after a refresh ("
                    + Causes.of(e).get(0).getMessage().strip() + "); " + tokens.signInAgain(),
                    "the sign-in of " + tokens.username() + " is no longer accepted", e);
        } catch (MessagingException e) {
            String reply = second.getLastServerResponse();
            SmtpClient.quietlyClose(second);
            throw ConnectFailures.of(settings, e, reply);
        }
    }

    /** The access token, or the failure to get one as the reason nothing can be sent. */
    private static String token(SmtpSettings settings, AccessTokens tokens, boolean renew) {
        try {
            return renew ? tokens.renewed() : tokens.current();
        } catch (LoginRequiredException e) {
            throw new ServerUnavailableException(Reason.LOGIN_REQUIRED, e.getMessage(),
                    tokens.username() + " must sign in again", null);
        } catch (SignInException e) {
            // The provider's token endpoint is down or unreachable: like an unreachable server, worth another try.
            throw new ServerUnavailableException(Reason.OTHER, "cannot renew the sign-in of " + tokens.username()
                    + " for " + settings.address() + ": " + e.getMessage(), "cannot renew the sign-in", null);
        }
    }

    static boolean smtpAuthDisabled(MessagingException e, String reply) {
        return reply != null && reply.contains("5.7.139") || e.getMessage() != null && e.getMessage().contains("5.7.139");
    }
}
