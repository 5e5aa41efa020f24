package org.lettermerge.message;

import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.Locale;
import java.util.UUID;
import org.lettermerge.recipients.Addresses;

/**
 * Message-IDs we choose ourselves (RFC 5322 3.6.4), fixed before sending and stored in the log,
 * so a follow-up can thread to it and a resend after a crash is recognisable.
 */
public final class MessageIds {

    private MessageIds() {
    }

    /** {@code <random-uuid@domain>}, the domain in lowercase IDNA ASCII form. */
    public static String next(String domain) {
        String ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        if (ascii.isEmpty() || Addresses.hasControlCharacters(ascii) || ascii.contains(">") || ascii.contains("@")) {
            throw new IllegalArgumentException("not a domain for a Message-ID: " + domain);
        }
        return "<" + UUID.randomUUID() + "@" + ascii + ">";
    }

    /** The sender's domain: Message-IDs under it are ours to make unique. */
    public static String domainOf(InternetAddress address) {
        return Addresses.domainOf(address.getAddress());
    }
}
