package org.lettermerge.followup;

import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * An IMAP store for an XOAUTH2 sign-in that refuses, before any login, a server that does not offer XOAUTH2.
 * Angus's own store falls back to the plain LOGIN command when no listed mechanism is offered, which would send
 * the access token as a password.
 */
public class TokenOnlyImapStore extends IMAPStore {

    static final Provider IMAP = new Provider(Provider.Type.STORE, "imap", TokenOnlyImapStore.class.getName(),
            "lettermerge", "1");
    static final Provider IMAPS = new Provider(Provider.Type.STORE, "imaps", Secure.class.getName(),
            "lettermerge", "1");

    public TokenOnlyImapStore(Session session, URLName url) {
        this(session, url, "imap", false);
    }

    protected TokenOnlyImapStore(Session session, URLName url, String protocol, boolean ssl) {
        super(session, url, protocol, ssl);
    }

    @Override
    protected void preLogin(IMAPProtocol protocol) throws ProtocolException {
        if (!protocol.hasCapability("AUTH=XOAUTH2")) {
            throw new ProtocolException("the server offers no OAuth sign-in (no AUTH=XOAUTH2 in its capabilities): "
                    + "check mailbox.host and mailbox.port (Microsoft 365: outlook.office365.com, Google: "
                    + "imap.gmail.com), or sign in with a password (mailbox.auth: password)");
        }
    }

    /** The same over implicit TLS (imaps). */
    public static final class Secure extends TokenOnlyImapStore {
        public Secure(Session session, URLName url) {
            super(session, url, "imaps", true);
        }
    }
}
