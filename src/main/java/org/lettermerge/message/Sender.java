package org.lettermerge.message;

import jakarta.mail.internet.InternetAddress;
import java.util.Objects;
import org.lettermerge.recipients.Addresses;

/**
 * Who the letters come from, and where a recipient can ask not to get more.
 *
 * @param from            with its display name
 * @param replyTo         null when replies go to {@code from}
 * @param listUnsubscribe the mailbox named in every letter's List-Unsubscribe header (RFC 2369), or null for none
 * @param bounceAddress   the base of each letter's envelope sender (VERP, {@link BounceToken}), or null: MAIL FROM
 *                        is then the From address
 */
public record Sender(InternetAddress from, InternetAddress replyTo, InternetAddress listUnsubscribe,
                     InternetAddress bounceAddress) {

    public Sender {
        Objects.requireNonNull(from, "from");
        requireHeaderSafe(from);
        if (replyTo != null) {
            requireHeaderSafe(replyTo);
        }
        if (listUnsubscribe != null) {
            requireHeaderSafe(listUnsubscribe);
        }
        if (bounceAddress != null) {
            requireHeaderSafe(bounceAddress);
        }
    }

    /** A sender whose letters go out with the From address as envelope sender. */
    public Sender(InternetAddress from, InternetAddress replyTo, InternetAddress listUnsubscribe) {
        this(from, replyTo, listUnsubscribe, null);
    }

    /** A sender whose letters carry no List-Unsubscribe header. */
    public Sender(InternetAddress from, InternetAddress replyTo) {
        this(from, replyTo, null, null);
    }

    private static void requireHeaderSafe(InternetAddress address) {
        String personal = address.getPersonal();
        if (Addresses.hasControlCharacters(address.getAddress())
                || personal != null && Addresses.hasControlCharacters(personal)) {
            throw new IllegalArgumentException("a sender address or name contains a line break or control character");
        }
    }
}
