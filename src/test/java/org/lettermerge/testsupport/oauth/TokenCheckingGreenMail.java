package org.lettermerge.testsupport.oauth;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * GreenMail for SMTP and IMAP that takes only SASL XOAUTH2 logins whose access token the authorization server
 * says is active and was issued to that same user (RFC 7662 introspection at every login). GreenMail's own XOAUTH2
 * compares the token with a stored password; this one asks the server that issued it, so a login passes only
 * with a token the server really handed out and has not revoked.
 */
public final class TokenCheckingGreenMail extends GreenMail {

    /** One XOAUTH2 login as the server saw it. */
    public record Login(String user, String token, boolean accepted) {}

    private final List<Login> logins = new CopyOnWriteArrayList<>();

    /** @param onAccepted runs after each accepted login, e.g. to move a test clock */
    public TokenCheckingGreenMail(AuthorizationServer issuer, Consumer<Login> onAccepted, ServerSetup... setups) {
        super(setups);
        managers = new CheckingManagers(new CheckingUsers(null, issuer, logins, onAccepted));
    }

    public List<Login> logins() {
        return logins;
    }

    private static final class CheckingManagers extends Managers {
        private final UserManager users;
        private final SmtpManager smtp;

        CheckingManagers(CheckingUsers prototype) {
            this.users = new CheckingUsers(getImapHostManager(), prototype.issuer, prototype.logins, prototype.onAccepted);
            this.smtp = new SmtpManager(getImapHostManager(), users);
        }

        @Override
        public UserManager getUserManager() {
            return users;
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }
    }

    private static final class CheckingUsers extends UserManager {
        private final AuthorizationServer issuer;
        private final List<Login> logins;
        private final Consumer<Login> onAccepted;

        CheckingUsers(ImapHostManager host, AuthorizationServer issuer, List<Login> logins, Consumer<Login> onAccepted) {
            super(host);
            this.issuer = issuer;
            this.logins = logins;
            this.onAccepted = onAccepted;
        }

        @Override
        public boolean test(String userId, String accessToken) {
            String subject = issuer.activeSubject(accessToken);
            boolean accepted = subject != null && subject.equalsIgnoreCase(userId);
            Login login = new Login(userId.toLowerCase(Locale.ROOT), accessToken, accepted);
            logins.add(login);
            if (accepted) {
                if (getUser(userId) == null) {
                    try {
                        createUser(userId, userId, "not-a-password-" + System.nanoTime());
                    } catch (UserException e) {
                        throw new IllegalStateException(e);
                    }
                }
                onAccepted.accept(login);
            }
            return accepted;
        }
    }
}
