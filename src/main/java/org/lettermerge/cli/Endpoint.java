package org.lettermerge.cli;

import java.util.Locale;
import java.util.Map;
import org.lettermerge.campaign.Overrides;
import org.lettermerge.campaign.SmtpChoice;
import org.lettermerge.problems.Problem;
import org.lettermerge.smtp.Security;
import org.lettermerge.smtp.SmtpSettings;

/**
 * Which server, port and protection a command uses, in one line, and what the --smtp-* options changed: the
 * campaign file's port silently replaced by 465 (the default for --smtp-security tls) is a letter sent somewhere
 * the user did not look.
 */
final class Endpoint {

    private Endpoint() {}

    /** E.g. "smtp.example.org:465 (TLS, as user@example.org; port 465, the default for --smtp-security tls; ...)". */
    static String describe(SmtpChoice smtp, Map<String, String> overrides) {
        if (!(smtp instanceof SmtpChoice.Relay relay)) {
            return "the built-in sandbox (nothing leaves this machine)";
        }
        SmtpSettings s = relay.settings();
        StringBuilder line = new StringBuilder(s.address()).append(" (").append(protection(s.security()));
        if (s.username() != null) {
            line.append(", as ").append(s.username());
        }
        if (s.trustStore() != null && s.security() != Security.NONE) {
            line.append(", trusting the certificates in ").append(Problem.display(s.trustStore()));
        }
        SmtpSettings file = relay.inFile();
        if (file == null) {
            line.append("; from the --smtp-* options, the campaign file names no server");
        } else {
            changes(line, s, file, overrides);
        }
        return line.append(')').toString();
    }

    private static void changes(StringBuilder line, SmtpSettings s, SmtpSettings file, Map<String, String> overrides) {
        if (!s.host().equals(file.host())) {
            line.append("; host from --smtp-host; the campaign file says ").append(file.host());
        }
        if (s.port() != file.port()) {
            line.append("; port ").append(s.port()).append(overrides.containsKey(Overrides.SMTP_PORT)
                    ? " from --smtp-port" : ", the default for --smtp-security " + s.security())
                    .append("; the campaign file says ").append(file.port());
        }
        if (s.security() != file.security()) {
            line.append("; security from --smtp-security; the campaign file says ").append(file.security());
        }
    }

    static String protection(Security security) {
        return security == Security.NONE ? "no encryption" : security.name().toUpperCase(Locale.ROOT);
    }
}
