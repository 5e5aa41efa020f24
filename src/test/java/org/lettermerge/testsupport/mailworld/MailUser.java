package org.lettermerge.testsupport.mailworld;

import java.util.Objects;

/**
 * A mailbox in the mail world's Dovecot: its address (a user of a local domain), its IMAP password and an
 * optional Sieve script run on every delivery (vacation, reject, redirect, RFC 5228/5230/5429).
 */
public record MailUser(String address, String password, String sieve) {

    public MailUser {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(password, "password");
        if (!address.matches("[a-z0-9._-]+@[a-z0-9.-]+\\.test")) {
            throw new IllegalArgumentException("a mail world user is a plain address at a .test domain, got " + address);
        }
        if (password.contains(":") || password.contains("\n")) {
            throw new IllegalArgumentException("a password may not contain ':' or a line break (passwd-file)");
        }
    }

    /** A mailbox that keeps what it gets. */
    public static MailUser plain(String address) {
        return new MailUser(address, "secret", null);
    }

    /** A mailbox whose owner is away: Pigeonhole answers each new sender once with an auto-reply. */
    public static MailUser onVacation(String address, String text) {
        return new MailUser(address, "secret", "require [\"vacation\"];\nvacation :days 1 :addresses [\""
                + address + "\"] \"" + text.replace("\"", "\\\"") + "\";\n");
    }

    /** A mailbox whose Sieve script refuses every message with a rejection notice (RFC 5429). */
    public static MailUser refusing(String address, String reason) {
        return new MailUser(address, "secret", "require [\"reject\"];\nreject \"" + reason.replace("\"", "\\\"")
                + "\";\n");
    }

    public String local() {
        return address.substring(0, address.indexOf('@'));
    }

    public String domain() {
        return address.substring(address.indexOf('@') + 1);
    }
}
