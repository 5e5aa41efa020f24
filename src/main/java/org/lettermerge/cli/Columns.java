package org.lettermerge.cli;

/**
 * Text fitted to a column of a terminal table. A terminal gives most East Asian characters two cells (Unicode's
 * East Asian Width "W" and "F") and combining marks none, so padding by string length would push every later column
 * of a row with 山田 太郎 in it out of line.
 */
final class Columns {

    private Columns() {}

    /** {@code text} cut to {@code width} cells (ending in "…" when cut) and padded with spaces to exactly that. */
    static String fit(String text, int width) {
        if (cells(text) > width) {
            StringBuilder cut = new StringBuilder();
            int used = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                if (used + cells(cp) > width - 1) {
                    break;
                }
                cut.appendCodePoint(cp);
                used += cells(cp);
                i += Character.charCount(cp);
            }
            text = cut.append('…').toString();
        }
        return text + " ".repeat(Math.max(0, width - cells(text)));
    }

    static int cells(String text) {
        return text.codePoints().map(Columns::cells).sum();
    }

    private static int cells(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    // The East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth.txt, abridged to whole blocks).
    private static boolean wide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F          // Hangul Jamo initials
                || cp >= 0x2E80 && cp <= 0x303E      // CJK radicals, punctuation
                || cp >= 0x3041 && cp <= 0x33FF      // kana, CJK compatibility
                || cp >= 0x3400 && cp <= 0x4DBF      // CJK extension A
                || cp >= 0x4E00 && cp <= 0x9FFF      // CJK unified ideographs
                || cp >= 0xA000 && cp <= 0xA4CF      // Yi
                || cp >= 0xAC00 && cp <= 0xD7A3      // Hangul syllables
                || cp >= 0xF900 && cp <= 0xFAFF      // CJK compatibility ideographs
                || cp >= 0xFE30 && cp <= 0xFE4F      // CJK compatibility forms
                || cp >= 0xFF00 && cp <= 0xFF60      // fullwidth forms
                || cp >= 0xFFE0 && cp <= 0xFFE6
                || cp >= 0x1F300 && cp <= 0x1F64F    // pictographs, emoticons
                || cp >= 0x1F900 && cp <= 0x1F9FF
                || cp >= 0x20000 && cp <= 0x3FFFD;   // CJK extensions B and later
    }
}
