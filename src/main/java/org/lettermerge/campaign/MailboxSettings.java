package org.lettermerge.campaign;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.lettermerge.smtp.Security;

/**
 * The organizers' mailbox, read over IMAP for replies and bounces. IMAPS ({@code tls}) or a required STARTTLS;
 * clear text ({@code none}) only on this machine, for tests and the sandbox, because the login would cross the
 * network in clear.
 *
 * @param passwordEnv the environment variable holding the password (never the password itself), or null to prompt
 * @param moveTo      the folder processed mail is moved to, or null to leave it where it is
 * @param trustStore  a PEM file of the CA certificates to trust instead of the JVM's, or null for the JVM's
 * @param auth        a password, or an access token from the campaign's oauth sign-in (IMAP XOAUTH2)
 */
public record MailboxSettings(String host, int port, Security security, String username, String passwordEnv,
                              String folder, String moveTo, Duration connectTimeout, Duration readTimeout,
                              boolean suppressHardBounces, Path trustStore, Auth auth) {

    /** A mailbox signed in to with a password. */
    public MailboxSettings(String host, int port, Security security, String username, String passwordEnv,
                           String folder, String moveTo, Duration connectTimeout, Duration readTimeout,
                           boolean suppressHardBounces, Path trustStore) {
        this(host, port, security, username, passwordEnv, folder, moveTo, connectTimeout, readTimeout,
                suppressHardBounces, trustStore, Auth.PASSWORD);
    }

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

    public MailboxSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(auth, "auth");
        if (security == Security.NONE && !isLoopback(host)) {
            throw new IllegalArgumentException(clearTextRefused());
        }
    }

    /** RFC 8314: 993 for IMAP over TLS; 143 for IMAP with STARTTLS (and clear text on this machine). */
    public static int defaultPort(Security security) {
        return security == Security.TLS ? 993 : 143;
    }

    public static boolean isLoopback(String host) {
        return LOOPBACK.contains(host.strip().toLowerCase(java.util.Locale.ROOT));
    }

    public static String clearTextRefused() {
        return "security: none sends the mailbox password in clear text and is allowed only for 127.0.0.1 or "
                + "localhost; use tls (IMAPS, port 993) or starttls (port 143)";
    }
}
