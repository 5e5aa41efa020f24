package org.lettermerge.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A command the CLI suggests: {@code lettermerge} and its words, each quoted for a POSIX shell where it needs it, so
 * it can be copied as printed. A hint carries the options the user gave (--db, --smtp-*, --rate ...): a suggestion
 * without them would act on another log or server than the one just used.
 */
final class Hint {

    /** Words a POSIX shell reads as they are: no quoting needed. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    private final List<String> words = new ArrayList<>();

    private Hint() {}

    static Hint lettermerge(Object... words) {
        return new Hint().add(words);
    }

    Hint add(Object... more) {
        for (Object w : more) {
            words.add(String.valueOf(w));
        }
        return this;
    }

    /** {@code name value}, when a value was given. */
    Hint option(String name, Object value) {
        return value == null ? this : add(name, value);
    }

    /** {@code name}, when it was given. */
    Hint flag(String name, boolean given) {
        return given ? add(name) : this;
    }

    /** --db, when given. */
    Hint given(CampaignRef ref) {
        return option("--db", ref.database);
    }

    /** --db and the server overrides, as given. */
    Hint given(CampaignOptions options) {
        return given(options.ref).option("--smtp-host", options.smtpHost).option("--smtp-port", options.smtpPort())
                .option("--smtp-security", options.smtpSecurity).option("--rate", options.rate);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("lettermerge");
        for (String w : words) {
            s.append(' ').append(quote(w));
        }
        return s.toString();
    }

    /** {@code it's here} → {@code 'it'"'"'s here'}: single quotes keep everything but a single quote literal. */
    static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
