package org.lettermerge.followup;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a reply's subject: the letter's subject behind one or more reply prefixes, as mail clients write them in
 * the languages our recipients use ("Re:", "RE:", "AW:" German, "Antw:" Dutch, "SV:" Nordic, "RES:" Portuguese,
 * "Réf :" French, "VS:" Finnish, "Odp:" Polish, "R:" Italian, "Ynt:" Turkish), possibly repeated or counted
 * ("Re[2]:"). A forward ("Fwd:", "Fw:", "WG:", "TR:", and "RV:", Spanish Outlook's "reenviado") is not a reply:
 * someone passing the letter on has not answered it.
 */
final class ReplySubjects {

    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(re|res|aw|antw|antwort|sv|svar|réf|ref|vs|odp|r|ynt|回复|答复)\\s*(\\[\\d+]|\\(\\d+\\))?\\s*[:：]\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ReplySubjects() {}

    /** The subject without its reply prefixes, when it has at least one; empty for anything else. */
    static Optional<String> repliedTo(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        String rest = Normalizer.normalize(subject, Normalizer.Form.NFC);
        boolean reply = false;
        for (Matcher m = PREFIX.matcher(rest); m.find(); m = PREFIX.matcher(rest)) {
            rest = rest.substring(m.end());
            reply = true;
        }
        return reply ? Optional.of(rest) : Optional.empty();
    }

    /** True when {@code subject} is a reply to a letter whose subject was {@code letterSubject}. */
    static boolean answers(String subject, String letterSubject) {
        if (subject == null || letterSubject == null) {
            return false;
        }
        // One prefix at a time: a letter whose own subject starts with "Re:" is answered by "Re: Re: ...".
        String wanted = comparable(letterSubject);
        String rest = Normalizer.normalize(subject, Normalizer.Form.NFC);
        for (Matcher m = PREFIX.matcher(rest); m.find(); m = PREFIX.matcher(rest)) {
            rest = rest.substring(m.end());
            if (comparable(rest).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Folding and clients' re-spacing aside, the same words: compared ignoring case and runs of white space. */
    private static String comparable(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
