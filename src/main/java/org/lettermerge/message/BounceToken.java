package org.lettermerge.message;

import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VERP (variable envelope return path): each letter's envelope sender is {@code bounces+TOKEN@domain}, so a bounce,
 * which goes back to the envelope sender, names the letter in its own recipient address even when it quotes nothing
 * of it. TOKEN is the random UUID of the letter's Message-ID ({@code <uuid@domain>}, {@link MessageIds}) without
 * dashes: 32 characters of [0-9a-f], which every server accepts in a local part, unique like the Message-ID, and
 * telling nothing about the recipient. Migration 007-verp.sql computes the same value in SQL for rows queued before.
 */
public final class BounceToken {

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+");
    private static final Pattern IN_ADDRESS = Pattern.compile("\\+([A-Za-z0-9]+)@");

    private BounceToken() {}

    /** The token of a letter with this Message-ID, or empty when the ID is not of our {@code <uuid@domain>} form. */
    public static Optional<String> of(String messageId) {
        String id = messageId.strip();
        int at = id.indexOf('@');
        if (!id.startsWith("<") || at < 0) {
            return Optional.empty();
        }
        String token = id.substring(1, at).replace("-", "").toLowerCase(Locale.ROOT);
        return VALID.matcher(token).matches() ? Optional.of(token) : Optional.empty();
    }

    /** {@code local+TOKEN@domain} of the bounce address, or the bounce address itself when there is no token. */
    public static String envelopeFrom(InternetAddress bounceAddress, String messageId) {
        String address = bounceAddress.getAddress();
        Optional<String> token = of(messageId);
        if (token.isEmpty()) {
            return address;
        }
        int at = address.lastIndexOf('@');
        return address.substring(0, at) + "+" + token.get() + address.substring(at);
    }

    /** The token in a recipient address like {@code bounces+TOKEN@domain}, lowercased, or empty. */
    public static Optional<String> in(String address) {
        Matcher m = IN_ADDRESS.matcher(address);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
