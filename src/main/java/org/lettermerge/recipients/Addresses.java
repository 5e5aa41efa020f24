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
            throw new AddressException("the domain is not a valid internationalised name (" + e.getMessage() + ")", raw);
        }
        String ascii = local + "@" + domain;
        InternetAddress address = new InternetAddress(ascii, true);
        address.validate();
        // Anything the parser rewrote (a display name, <angle brackets>, a comment, a list) was not a bare address.
        if (address.getPersonal() != null || address.isGroup() || !ascii.equals(address.getAddress())) {
            throw new AddressException("write only the address, without a display name, brackets or comments", raw);
        }
        return address;
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
