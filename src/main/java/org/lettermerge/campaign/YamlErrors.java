package org.lettermerge.campaign;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a YAML parse error means for the person who typed the campaign file. The parser speaks of events and tokens
 * ("MappingStartEvent", "expected &lt;block end&gt;"); this looks at the line the parser stopped on and says what to
 * change there.
 */
final class YamlErrors {

    /** A value that starts with { is a YAML map to the parser: the usual cause is a Mustache tag left unquoted. */
    private static final Pattern UNQUOTED_BRACE = Pattern.compile("^\\s*(- )?[\\w.-]+:\\s*\\{.*");
    /** `key: "Name, Team" <a@b.org>`: YAML ends the value at the closing quote and cannot read what follows. */
    private static final Pattern TEXT_AFTER_QUOTE = Pattern.compile("^\\s*(- )?([\\w.-]+):\\s*([\"'])[^\"']*\\3\\s*[^\\s#].*");
    private static final Pattern PARSER_NAMES = Pattern.compile("<[^>]*(Event|Token|org\\.yaml)[^>]*>");

    /** The file is in another encoding: what the parser says about it, or the reader when it meets the bytes. */
    static final String NOT_UTF8 = "the file is not UTF-8 text: save it as UTF-8 (in a text editor: Save As, encoding UTF-8)";

    private YamlErrors() {}

    /**
     * @param lines the file's lines; @param line the 1-based line the parser reported (0 if none); @param original
     * the parser's own message
     */
    static String explain(List<String> lines, int line, String original) {
        String text = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
        String previous = line >= 2 && line - 1 <= lines.size() ? lines.get(line - 2) : "";
        String message = original == null ? "" : original;
        if (UNQUOTED_BRACE.matcher(text).matches() || UNQUOTED_BRACE.matcher(previous).matches()) {
            String key = (UNQUOTED_BRACE.matcher(text).matches() ? text : previous).strip();
            return "a value starting with { must be in quotes: put the value in quotes, e.g. "
                    + quoted(key.replaceFirst("^- ", ""));
        }
        Matcher afterQuote = TEXT_AFTER_QUOTE.matcher(text);
        if (afterQuote.matches()) {
            String value = text.substring(text.indexOf(':') + 1).strip();
            return "the value starts with a quote and goes on after the closing one: put the whole value in the other"
                    + " quotes, e.g. " + afterQuote.group(2) + ": " + (value.startsWith("\"") ? "'" + value + "'"
                    : "\"" + value + "\"");
        }
        if (message.contains("UTF-8")) {
            return NOT_UTF8;
        }
        if (message.contains("TAB") || leadingTab(text)) {
            return "a tab in the indentation: YAML allows only spaces. Indent with spaces, two per level";
        }
        if (message.contains("block end") || message.contains("bad indentation")
                || message.contains("expected key") || message.contains("mapping values are not allowed")) {
            return "this line's indentation does not fit the lines above it: indent with spaces, two per level "
                    + "(keys of the same section start in the same column), and put a value that holds ': ' in quotes";
        }
        if (message.contains("found unexpected end of stream") || message.contains("found unexpected end")) {
            return "a quote opened here is never closed: end the value with the same quote it starts with";
        }
        String first = PARSER_NAMES.matcher(message.lines().findFirst().orElse("")).replaceAll("").replaceAll("\\s+", " ").strip();
        return "this line is not valid YAML" + (first.isEmpty() ? "" : " (" + first + ")")
                + ": check its colon, quotes and indentation (spaces, two per level)";
    }

    /** The line to name: the parser reports a tab one line early (where the token before it ended). */
    static int line(List<String> lines, int reported, String original) {
        if (original != null && original.contains("TAB")) {
            for (int i = Math.max(reported, 1); i <= lines.size(); i++) {
                if (leadingTab(lines.get(i - 1))) {
                    return i;
                }
            }
        }
        return reported;
    }

    private static boolean leadingTab(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                return true;
            }
            if (c != ' ') {
                return false;
            }
        }
        return false;
    }

    /** The line as it should be: `to_name: {{name}}` becomes `to_name: "{{name}}"`. */
    private static String quoted(String keyAndValue) {
        int colon = keyAndValue.indexOf(':');
        String value = keyAndValue.substring(colon + 1).strip().replace("\"", "\\\"");
        return keyAndValue.substring(0, colon) + ": \"" + value + "\"";
    }
}
