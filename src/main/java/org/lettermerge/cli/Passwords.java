package org.lettermerge.cli;

import java.io.Console;
import org.lettermerge.campaign.MailboxSettings;
import org.lettermerge.campaign.SmtpChoice;
import org.lettermerge.oauth.OAuthSettings;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;

/**
 * The SMTP password comes from the environment variable the campaign names, or from a prompt on a terminal;
 * never from a file or the command line (both end up in shell histories, backups and process lists).
 */
final class Passwords {

    private Passwords() {}

    static char[] forServer(SmtpChoice smtp) {
        if (!(smtp instanceof SmtpChoice.Relay relay) || relay.settings().username() == null) {
            return null;
        }
        String variable = relay.passwordEnv();
        String value = variable == null ? null : System.getenv(variable);
        if (value != null && !value.isEmpty()) {
            return value.toCharArray();
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("SMTP password for %s at %s: ", relay.settings().username(),
                    relay.settings().host());
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        throw new InvalidInputException(Problem.error("smtp.password_env", variable == null
                ? "the server needs a password for " + relay.settings().username() + ": name an environment variable "
                        + "with smtp.password_env and set it, or run in a terminal to be asked"
                : "the environment variable " + variable + " is not set: export " + variable
                        + "=... before running (or run in a terminal to be asked)"));
    }

    static char[] forMailbox(MailboxSettings mailbox) {
        String variable = mailbox.passwordEnv();
        String value = variable == null ? null : System.getenv(variable);
        if (value != null && !value.isEmpty()) {
            return value.toCharArray();
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Mailbox password for %s at %s: ", mailbox.username(), mailbox.host());
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        throw new InvalidInputException(Problem.error("mailbox.password_env", variable == null
                ? "the mailbox needs a password for " + mailbox.username() + ": name an environment variable "
                        + "with mailbox.password_env and set it, or run in a terminal to be asked"
                : "the environment variable " + variable + " is not set: export " + variable
                        + "=... before running (or run in a terminal to be asked)"));
    }

    /**
     * The OAuth client secret, for the providers that want one from desktop apps (Google); null for a public
     * client. From the variable oauth.client_secret_env names, or a prompt; never from the campaign file.
     */
    static char[] clientSecret(OAuthSettings oauth) {
        String variable = oauth.clientSecretEnv();
        if (variable == null) {
            return null;
        }
        String value = System.getenv(variable);
        if (value != null && !value.isEmpty()) {
            return value.toCharArray();
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("OAuth client secret of %s: ", oauth.clientId());
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        throw new InvalidInputException(Problem.error("oauth.client_secret_env", "the environment variable "
                + variable + " is not set: export " + variable + "=... (the client secret of the app registered for "
                + "Lettermerge) before running, or run in a terminal to be asked"));
    }
}
