package org.lettermerge.campaign;

import java.util.Optional;
import org.lettermerge.problems.Problem;
import org.lettermerge.smtp.SmtpSettings;

/**
 * A login over {@code security: none} to a host that is not this machine puts the password on the network in clear
 * text, where anyone on the path reads it. Refused unless the campaign says {@code smtp.allow_cleartext_login: true}.
 * Checked on the settings after command-line overrides: {@code --smtp-security none} must not open the door either.
 */
final class CleartextLogin {

    private CleartextLogin() {}

    static Optional<Problem> check(Campaign c) {
        if (!(c.smtp() instanceof SmtpChoice.Relay relay) || !relay.settings().sendsPasswordInClear()) {
            return Optional.empty();
        }
        SmtpSettings s = relay.settings();
        boolean fromCommandLine = relay.inFile() == null || relay.inFile().security() != s.security()
                || !relay.inFile().host().equals(s.host());
        return Optional.of(Problem.error(Problem.display(c.file()) + " (smtp.allow_cleartext_login)",
                "smtp.username is set and security is none" + (fromCommandLine ? " (after the --smtp-* options)" : "")
                        + ": the password for " + s.username() + " would cross the network to " + s.address()
                        + " in clear text. Use security: starttls (port 587) or tls (port 465); if the network to this "
                        + "server is trusted, add smtp.allow_cleartext_login: true to the campaign file"));
    }
}
