package org.lettermerge.smtp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how to connect. Holds no password: the password travels separately as a char[] to {@link SmtpClient},
 * so this record can be printed and logged.
 *
 * @param username       null for no authentication
 * @param readTimeout    the wait for every reply except the one to the final "."
 * @param dataEndTimeout the wait for the reply to the final "." (RFC 5321 4.5.3.2.6 suggests 10 minutes: the server
 *                       may be scanning or writing the message to disk; giving up early makes the send ambiguous)
 * @param helo           the name sent in EHLO/HELO; null lets Angus use the local host name
 * @param trustStore     a PEM file of the CA certificates to trust instead of the JVM's, or null for the JVM's;
 *                       the host name is checked against the certificate either way
 * @param allowCleartextLogin whether a login may cross the network in clear text (security none, a host that is
 *                       not this machine); refused unless the campaign says so ({@link #sendsPasswordInClear})
 */
public record SmtpSettings(String host, int port, Security security, String username,
                           Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
                           Duration dataEndTimeout, String helo, Path trustStore, boolean allowCleartextLogin) {

    public SmtpSettings {
        requireToken(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port must be 1-65535, got " + port);
        }
        Objects.requireNonNull(security, "security");
        if (username != null && (username.isBlank() || hasControlCharacter(username))) {
            throw new IllegalArgumentException("SMTP username must be null or a non-blank name without control characters");
        }
        requirePositiveMillis(connectTimeout, "connectTimeout");
        requirePositiveMillis(readTimeout, "readTimeout");
        requirePositiveMillis(writeTimeout, "writeTimeout");
        requirePositiveMillis(dataEndTimeout, "dataEndTimeout");
        if (helo != null) {
            requireToken(helo, "helo");
        }
    }

    /** No authentication; timeouts from RFC 5321 4.5.3.2 (5 minutes per reply, 10 for the final "."). */
    public static SmtpSettings of(String host, int port, Security security) {
        return new SmtpSettings(host, port, security, null, Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofMinutes(5), Duration.ofMinutes(10), null, null, false);
    }

    public SmtpSettings withUsername(String name) {
        return new SmtpSettings(host, port, security, name, connectTimeout, readTimeout, writeTimeout, dataEndTimeout, helo,
                trustStore, allowCleartextLogin);
    }

    public SmtpSettings withSecurity(Security choice) {
        return new SmtpSettings(host, port, choice, username, connectTimeout, readTimeout, writeTimeout, dataEndTimeout, helo,
                trustStore, allowCleartextLogin);
    }

    public SmtpSettings withHelo(String name) {
        return new SmtpSettings(host, port, security, username, connectTimeout, readTimeout, writeTimeout, dataEndTimeout, name,
                trustStore, allowCleartextLogin);
    }

    public SmtpSettings withConnectTimeout(Duration timeout) {
        return new SmtpSettings(host, port, security, username, timeout, readTimeout, writeTimeout, dataEndTimeout, helo,
                trustStore, allowCleartextLogin);
    }

    public SmtpSettings withReadTimeout(Duration timeout) {
        return new SmtpSettings(host, port, security, username, connectTimeout, timeout, writeTimeout, dataEndTimeout, helo,
                trustStore, allowCleartextLogin);
    }

    public SmtpSettings withWriteTimeout(Duration timeout) {
        return new SmtpSettings(host, port, security, username, connectTimeout, readTimeout, timeout, dataEndTimeout, helo,
                trustStore, allowCleartextLogin);
    }

    public SmtpSettings withDataEndTimeout(Duration timeout) {
        return new SmtpSettings(host, port, security, username, connectTimeout, readTimeout, writeTimeout, timeout, helo,
                trustStore, allowCleartextLogin);
    }

    public SmtpSettings withTrustStore(Path pemFile) {
        return new SmtpSettings(host, port, security, username, connectTimeout, readTimeout, writeTimeout,
                dataEndTimeout, helo, pemFile, allowCleartextLogin);
    }

    /** The same account on another endpoint (command-line overrides): everything else kept. */
    public SmtpSettings at(String newHost, int newPort, Security newSecurity) {
        return new SmtpSettings(newHost, newPort, newSecurity, username, connectTimeout, readTimeout, writeTimeout,
                dataEndTimeout, helo, trustStore, allowCleartextLogin);
    }

    /**
     * Whether the password would cross the network unencrypted: a login with security none to a host that is not
     * this machine, and the campaign did not accept that ({@code allow_cleartext_login}).
     */
    public boolean sendsPasswordInClear() {
        return username != null && security == Security.NONE && !isLoopback(host) && !allowCleartextLogin;
    }

    /**
     * localhost or a loopback address literal. Decided from the text alone: a name that merely resolves to
     * 127.0.0.1 today is not trusted (DNS or /etc/hosts can change between check and send).
     */
    public static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.matches("127(\\.\\d{1,3}){3}")) {
            return true;
        }
        return h.equals("::1") || h.equals("[::1]") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** "smtp.example.org:587", the form used in every message to the user. */
    public String address() {
        return host + ":" + port;
    }

    private static void requireToken(String value, String name) {
        if (value == null || value.isBlank() || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("SMTP " + name + " must be a non-blank name without spaces or control characters");
        }
    }

    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(c -> c < ' ' || c == 0x7f);
    }

    private static void requirePositiveMillis(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        // Angus takes timeouts as int milliseconds; 0 would mean "wait forever".
        if (timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("SMTP " + name + " must be between 1 ms and about 24 days, got " + timeout);
        }
    }
}
