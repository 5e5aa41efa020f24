package org.lettermerge.campaign;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Set;
import org.lettermerge.campaign.YamlTree.Mapping;
import org.lettermerge.smtp.Security;

/** The campaign file's {@code mailbox} key: where replies and bounces arrive, read over IMAP. */
final class MailboxSection {

    private static final Set<String> KEYS = Set.of("host", "port", "security", "username", "password_env", "folder",
            "move_to", "suppress_hard_bounces", "trust_store", "auth");
    /** Always set: Angus waits forever on a silent server by default. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private final CampaignFile reader;

    MailboxSection(CampaignFile reader) {
        this.reader = reader;
    }

    /** The settings, or null when the campaign has no mailbox (or it has problems, which are reported). */
    MailboxSettings read(YamlTree node) {
        if (node == null || node instanceof YamlTree.Scalar s && s.text() == null) {
            return null;
        }
        if (!(node instanceof Mapping mailbox)) {
            reader.problem(node.line(), "'mailbox' is a mapping with host, port, security, username, password_env, "
                    + "folder and move_to");
            return null;
        }
        if (mailbox.keyLines().containsKey("password")) {
            reader.problem(mailbox.keyLines().get("password"), "mailbox.password is not allowed: a password never "
                    + "goes in a file. Put it in an environment variable and name that variable with mailbox.password_env");
        }
        var lines = new LinkedHashMap<>(mailbox.keyLines());
        lines.remove("password");
        reader.rejectUnknownKeys(new Mapping(mailbox.entries(), lines, mailbox.line()), KEYS, "mailbox.");
        String host = reader.text(mailbox, "host", true);
        Security security = reader.parsed(mailbox, "security", Security.TLS, "mailbox.", Security::parse);
        int port = reader.number(mailbox, "port", MailboxSettings.defaultPort(security), 1, 65535, "mailbox.");
        String username = reader.text(mailbox, "username", true);
        String folder = reader.text(mailbox, "folder", false);
        if (host != null && security == Security.NONE && !MailboxSettings.isLoopback(host)) {
            reader.problem(mailbox.keyLines().get("security"), "mailbox.security: " + MailboxSettings.clearTextRefused());
            return null;
        }
        Path trustStore = TrustStoreKey.read(reader, mailbox, "mailbox.");
        if (host == null || username == null) {
            return null;
        }
        boolean suppressHardBounces = reader.parsed(mailbox, "suppress_hard_bounces", true, "mailbox.",
                MailboxSection::yesOrNo);
        Auth auth = reader.parsed(mailbox, "auth", Auth.PASSWORD, "mailbox.", Auth::parse);
        String passwordEnv = reader.text(mailbox, "password_env", false);
        if (auth == Auth.OAUTH2) {
            SmtpSection.requireOAuthAccount(reader, mailbox, "mailbox.", passwordEnv, username);
        }
        return new MailboxSettings(host.strip(), port, security, username, passwordEnv,
                folder == null ? "INBOX" : folder, reader.text(mailbox, "move_to", false), CONNECT_TIMEOUT,
                READ_TIMEOUT, suppressHardBounces, trustStore, auth);
    }

    static boolean yesOrNo(String text) {
        switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> {
                return true;
            }
            case "false", "no", "off" -> {
                return false;
            }
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        }
    }
}
