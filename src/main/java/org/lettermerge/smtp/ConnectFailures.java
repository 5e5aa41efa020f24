package org.lettermerge.smtp;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.lettermerge.smtp.ServerUnavailableException.Reason;

/**
 * Turns the ways Angus reports a failed connect into one user-facing sentence: where, what, and what to do.
 * Angus's messages and the server's replies never hold the password, so they may be quoted.
 */
final class ConnectFailures {

    private ConnectFailures() {
    }

    static ServerUnavailableException of(SmtpSettings settings, MessagingException e, String lastReply) {
        String server = "the SMTP server " + settings.address();
        if (e instanceof AuthenticationFailedException && OAuthLogin.smtpAuthDisabled(e, lastReply)) {
            return fail(Reason.AUTHENTICATION_REJECTED, e, server + " refused the password of '" + settings.username()
                    + "' with 535 5.7.139 (" + detail(e) + "): Microsoft 365 no longer takes passwords here. Sign in "
                    + "with OAuth instead: smtp.auth: oauth2 and an oauth section (see the README, Signing in with OAuth).");
        }
        if (e instanceof AuthenticationFailedException) {
            return fail(Reason.AUTHENTICATION_REJECTED, e, server + " rejected the login of user '" + settings.username()
                    + "' (" + detail(e) + "). Check the username and the password; some providers need an app password.");
        }
        if (Causes.mentions(e, "STARTTLS is required")) {
            return fail(Reason.STARTTLS_NOT_OFFERED, e, server + " does not offer STARTTLS, and security is starttls: "
                    + "nothing was sent in clear text. Check the port (587 for STARTTLS, 465 with security: tls).");
        }
        if (Causes.any(e, UnknownHostException.class)) {
            return fail(Reason.UNKNOWN_HOST, e, "Cannot find the host of " + server + ". Check the host name.",
                    unreachable(settings, "unknown host"));
        }
        if (Causes.any(e, SocketTimeoutException.class)) {
            return fail(Reason.TIMED_OUT, e, server + " did not answer within the timeout (connect "
                    + settings.connectTimeout().toSeconds() + " s, reply " + settings.readTimeout().toSeconds()
                    + " s). Check the host, the port and any firewall; try again later if the server is slow.",
                    unreachable(settings, "no answer in time"));
        }
        if (Causes.any(e, ConnectException.class)) {
            return fail(Reason.CONNECTION_REFUSED, e, "Cannot connect to " + server + ": connection refused. "
                    + "Check the host and the port, and that the server is running.",
                    unreachable(settings, "connection refused"));
        }
        if (Causes.any(e, CertificateException.class) || Causes.any(e, SSLPeerUnverifiedException.class)) {
            return fail(Reason.CERTIFICATE, e, server + " presented a certificate that is not trusted or does not "
                    + "match the host name (" + detail(e) + "). Use the host name the certificate is issued for; "
                    + (settings.trustStore() == null
                            ? "if it comes from your organisation's own CA, name that CA's certificate (PEM) with "
                                    + "smtp.trust_store. "
                            : "only the CAs in smtp.trust_store (" + settings.trustStore().getFileName()
                                    + ") are trusted. ")
                    + "Certificate checks are never turned off.");
        }
        if (Causes.any(e, SSLException.class)) {
            return fail(Reason.TLS_HANDSHAKE, e, "The TLS handshake with " + server + " failed (" + detail(e)
                    + "). Port 465 expects security: tls, port 587 expects security: starttls.");
        }
        if (Causes.mentions(e, "bad greeting") && lastReply != null) {
            return fail(Reason.GREETING_REFUSED, e, server + " refused the session: " + lastReply.strip()
                    + ". It is busy or limiting connections; try again later.",
                    settings.address() + " refused the session (" + lastReply.strip() + ")");
        }
        return fail(Reason.OTHER, e, "Cannot open a session with " + server + ": " + detail(e),
                unreachable(settings, detail(e)));
    }

    static ServerUnavailableException authenticationNotOffered(SmtpSettings settings) {
        return fail(Reason.AUTHENTICATION_NOT_OFFERED, null, "A username is set but the SMTP server "
                + settings.address() + " does not offer authentication (no AUTH in its EHLO reply), so nothing was sent. "
                + "Many servers offer it only after STARTTLS: check security and port.");
    }

    private static ServerUnavailableException fail(Reason reason, Throwable cause, String message) {
        return new ServerUnavailableException(reason, message, cause);
    }

    private static ServerUnavailableException fail(Reason reason, Throwable cause, String message, String summary) {
        return new ServerUnavailableException(reason, message, summary, cause);
    }

    private static String unreachable(SmtpSettings settings, String why) {
        return "cannot reach " + settings.address() + " (" + why + ")";
    }

    private static String detail(Throwable e) {
        Throwable root = Causes.of(e).get(Causes.of(e).size() - 1);
        String text = root.getMessage() == null ? "no details given" : root.getMessage();
        return text.strip();
    }
}
