package org.lettermerge.smtp;

import java.time.Duration;
import java.util.Properties;

/** The Jakarta Mail session properties for one {@link SmtpClient}. */
final class SessionProperties {

    static final String SOCKET_FACTORY = "mail.smtp.socketFactory";

    private SessionProperties() {
    }

    static Properties of(SmtpSettings settings, NoDelaySocketFactory sockets, boolean xoauth2) {
        Properties props = new Properties();
        // Angus waits forever by default. The write timeout is the socket factory's (WriteDeadlines), not Angus's
        // mail.smtp.writetimeout, which costs a scheduled task per write.
        props.setProperty("mail.smtp.connectiontimeout", millis(settings.connectTimeout()));
        props.setProperty("mail.smtp.timeout", millis(settings.readTimeout()));
        // An object property: must be put, not setProperty. No fallback: a failing factory would otherwise be
        // retried silently with a second plain socket (a second connect, another full connect timeout).
        props.put(SOCKET_FACTORY, sockets);
        props.setProperty("mail.smtp.socketFactory.fallback", "false");
        props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        if (settings.security() == Security.STARTTLS) {
            props.setProperty("mail.smtp.starttls.enable", "true");
            // Without "required" a server (or an attacker) that hides STARTTLS gets our mail and password in clear.
            props.setProperty("mail.smtp.starttls.required", "true");
        } else if (settings.security() == Security.TLS) {
            props.setProperty("mail.smtp.ssl.enable", "true");
        }
        if (settings.trustStore() != null && settings.security() != Security.NONE) {
            // Used to layer TLS both for STARTTLS and for implicit TLS. For implicit TLS Angus then connects a plain
            // socket of its own instead of asking ours, so that socket gets Angus's write timeout.
            props.put("mail.smtp.ssl.socketFactory",
                    TrustStore.layering(TrustStore.socketFactory(settings.trustStore()), sockets));
            if (settings.security() == Security.TLS) {
                props.setProperty("mail.smtp.writetimeout", millis(settings.writeTimeout()));
            }
        }
        if (settings.username() != null) {
            props.setProperty("mail.smtp.auth", "true");
        }
        if (xoauth2) {
            // Angus offers XOAUTH2 only when asked by name, and then sends the access token as the "password"
            // (https://developers.google.com/gmail/imap/xoauth2-protocol). Nothing else: a server without XOAUTH2
            // must not be sent the token by AUTH PLAIN or LOGIN.
            props.setProperty("mail.smtp.auth.mechanisms", "XOAUTH2");
        }
        if (settings.helo() != null) {
            props.setProperty("mail.smtp.localhost", settings.helo());
        }
        return props;
    }

    static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
