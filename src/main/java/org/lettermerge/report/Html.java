package org.lettermerge.report;

/**
 * Escaping for text and attribute values. Every character that can end a text run or an attribute is replaced, so
 * a recipient named {@code <script>} or {@code O'Brien & Partners} shows as written and never becomes markup.
 * Other characters (accents, Arabic, CJK) pass through unchanged: the file is UTF-8.
 */
final class Html {

    private Html() {}

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&') {
                out.append("&amp;");
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '"') {
                out.append("&quot;");
            } else if (c == '\'') {
                out.append("&#39;");
            } else if (c < 0x20 && c != '\n' && c != '\t') {
                // Control characters are not allowed in HTML text; a stray one from a CSV or an SMTP reply is dropped.
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
