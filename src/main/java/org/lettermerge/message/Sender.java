package org.lettermerge.message;

import jakarta.mail.internet.InternetAddress;
import java.util.Objects;
import org.lettermerge.recipients.Addresses;

/**
 * Who the letters come from.
 *
 * @param from    with its display name
 * @param replyTo null when replies go to {@code from}
 */
public record Sender(InternetAddress from, InternetAddress replyTo) {

    public Sender {
        Objects.requireNonNull(from, "from");
        requireHeaderSafe(from);
        if (replyTo != null) {
            requireHeaderSafe(replyTo);
        }
    }

    private static void requireHeaderSafe(InternetAddress address) {
        String personal = address.getPersonal();
        if (Addresses.hasControlCharacters(address.getAddress())
                || personal != null && Addresses.hasControlCharacters(personal)) {
            throw new IllegalArgumentException("a sender address or name contains a line break or control character");
        }
    }
}
