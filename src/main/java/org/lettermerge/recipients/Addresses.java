package org.lettermerge.recipients;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.Locale;

/**
 * Address rules shared by the recipient list and the message builder. Strict because a lenient parse lets
 * "a@x.org, b@y.org" or a display name through, and a merged value reaches the To header.
 */
public final class Addresses {

    private Addresses() {
    }

    /**
     * An address's identity in the delivery log and on the suppression list: addresses are matched
     * case-insensitively. The one definition, so a recipient, an opt-out and a reply all meet on the same key.
     */
    public static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    /**
     * One bare address (no display name, group or comment), with its domain in IDNA ASCII form
     * so that SMTP servers without SMTPUTF8 accept it. The local part is kept as written.
     */
    public static InternetAddress parseStrict(String raw) throws AddressException {
        if (raw == null || raw.isBlank()) {
            throw new AddressException("the address is empty");
        }
        if (hasControlCharacters(raw)) {
            throw new AddressException("the address contains a line break or control character", raw);
        }
        String invisible = invisibleSpace(raw);
        if (invisible != null) {
            throw new AddressException("the address contains " + invisible + ", often pasted with it from a web page or"
                    + " a document: delete it (retype the address if you cannot see where it is)", raw);
        }
        if (raw.indexOf('<') >= 0 && raw.indexOf('>') > raw.indexOf('<')) {
            throw new AddressException("a name and <address> together: the email column holds only the address: put"
                    + " the name in its own column", raw);
        }
        if (raw.chars().anyMatch(Character::isWhitespace)) {
            throw new AddressException("the address contains a space: an address has none, delete it", raw);
        }
        if (raw.indexOf(',') >= 0 || raw.indexOf(';') >= 0) {
            throw new AddressException("more than one address, or a , or ; inside one: give one address per row", raw);
        }
        int at = raw.lastIndexOf('@');
        if (at <= 0 || at == raw.length() - 1) {
            throw new AddressException("the address needs a name, an @ and a domain", raw);
        }
        String local = raw.substring(0, at);
        if (!local.chars().allMatch(c -> c < 0x80)) {
            throw new AddressException("a local part with non-ASCII letters needs SMTPUTF8, which is not supported", raw);
        }
        String domain;
        try {
            domain = IDN.toASCII(raw.substring(at + 1), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new AddressException("the part after @ is not a valid domain name", raw);
        }
        if (domain.indexOf('.') < 0) {
            throw new AddressException("the domain '" + domain + "' has no dot: a complete address ends like @"
                    + domain + ".org or @" + domain + ".gov.example (look for the missing ending)", raw);
        }
        String ascii = local + "@" + domain;
        InternetAddress address;
        try {
            address = new InternetAddress(ascii, true);
            address.validate();
        } catch (AddressException e) {
            // The parser's own words ("Local address contains control or whitespace") name its internals.
            throw new AddressException("it does not have the form name@example.org", raw);
        }
        // Anything the parser rewrote (a display name, <angle brackets>, a comment, a list) was not a bare address.
        if (address.getPersonal() != null || address.isGroup() || !ascii.equals(address.getAddress())) {
            throw new AddressException("write only the address, without a display name, brackets or comments", raw);
        }
        return address;
    }

    /** The name of an invisible or non-breaking space in {@code s}, or null: they look like nothing, or like a space. */
    static String invisibleSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '\u00A0', '\u202F', '\u2007' -> {
                    return "a non-breaking space";
                }
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' -> {
                    return "an invisible zero-width character";
                }
                default -> { }
            }
        }
        return null;
    }

    /** Characters that end or split a header line, or that mail software treats as line breaks. */
    public static boolean hasControlCharacters(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029);
    }

    /** The part after the last @; throws if there is none. */
    public static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("not an address with a domain: " + address);
        }
        return address.substring(at + 1);
    }
}
