package org.lettermerge.followup;

import java.util.regex.Pattern;

/**
 * Whether a person's message asks not to be written to again. Only flags it for the organizer: the issue asks for
 * a person to decide (a "please don't unsubscribe us" or a forwarded newsletter would fool any word list), so
 * nothing here touches the suppression list.
 *
 * <p>The phrases, matched case-insensitively as whole words: unsubscribe, remove me, opt out (opt-out, optout),
 * stop sending, désabonner (se désabonner, also written without the accent), darse de baja, abmelden.
 */
final class UnsubscribeRequests {

    /** Lines of the body searched: the reply's own words come first; below them a quote of our letter may follow. */
    static final int FIRST_LINES = 10;

    // Word boundaries by letters and digits (Unicode), not \b, so "désabonner" and "abmelden" match as whole words.
    private static final Pattern ASKS = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(unsubscribe|remove me|opt[ -]?out|stop sending|d[ée]sabonner|darse de baja|abmelden)"
                    + "(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private UnsubscribeRequests() {}

    static boolean asks(String subject, String text) {
        return subject != null && ASKS.matcher(subject).find() || text != null && ASKS.matcher(ownWords(text)).find();
    }

    /**
     * The first lines of the text, up to the first quoted line ("> ...") or attribution ("On ... wrote:"): our own
     * letter quoted back could otherwise carry the word, e.g. in a footer.
     */
    static String ownWords(String text) {
        StringBuilder own = new StringBuilder();
        int lines = 0;
        for (String line : text.split("\\R", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith(">") || stripped.matches("(?i)^(on|le|am|el) .*(wrote|a écrit|schrieb|escribió):?$")
                    || stripped.startsWith("-----Original Message") || lines++ >= FIRST_LINES) {
                break;
            }
            own.append(line).append('\n');
        }
        return own.toString();
    }
}
