package org.lettermerge.message;

import java.util.Arrays;

/**
 * A text part as it travels: line breaks made CRLF (RFC 2046 4.1.1: Angus converts them for quoted-printable but
 * not for base64, so a reader would see two kinds), encoded as UTF-8, with what choosing its transfer encoding needs
 * measured in the same pass. It was four passes over every letter (normalise, encode, measure lines, count
 * non-ASCII) and the largest cost of building one.
 *
 * @param bytes         the UTF-8 octets, CRLF line breaks
 * @param longestLine   the longest line in octets, without its CRLF
 * @param hasNul        whether a NUL is in it (never allowed in 8bit, RFC 6152)
 * @param nonAscii      how many characters are not ASCII
 * @param chars         how many characters, CRLF counted as two
 */
record WireText(byte[] bytes, int longestLine, boolean hasNul, int nonAscii, int chars) {

    /** RFC 5321 4.5.3.1.6: at most 998 octets on a line, before its CRLF. */
    private static final int SMTP_LINE = 998;

    static WireText of(String text) {
        // Read from an array, not with charAt: the launcher's quick compiler (C1) keeps charAt's bounds check as a
        // call per character, which made this loop the largest single cost in a letter's CPU profile (2026-12-04).
        char[] cs = text.toCharArray();
        byte[] out = new byte[cs.length * 3];
        int n = 0;
        int line = 0;
        int longest = 0;
        int nonAscii = 0;
        int chars = 0;
        boolean nul = false;
        for (int i = 0; i < cs.length; i++) {
            char c = cs[i];
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < cs.length && cs[i + 1] == '\n') {
                    i++;
                }
                out[n++] = '\r';
                out[n++] = '\n';
                chars += 2;
                longest = Math.max(longest, line);
                line = 0;
                continue;
            }
            int start = n;
            chars++;
            if (c < 0x80) {
                nul |= c == 0;
                out[n++] = (byte) c;
            } else {
                nonAscii++;
                if (c < 0x800) {
                    out[n++] = (byte) (0xC0 | c >> 6);
                    out[n++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < cs.length
                        && Character.isLowSurrogate(cs[i + 1])) {
                    int cp = Character.toCodePoint(c, cs[++i]);
                    nonAscii++;
                    chars++;
                    out[n++] = (byte) (0xF0 | cp >> 18);
                    out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    out[n++] = (byte) (0x80 | cp & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    // A lone surrogate is no character: '?' as String.getBytes would write.
                    out[n++] = '?';
                } else {
                    out[n++] = (byte) (0xE0 | c >> 12);
                    out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                    out[n++] = (byte) (0x80 | c & 0x3F);
                }
            }
            line += n - start;
        }
        return new WireText(Arrays.copyOf(out, n), Math.max(longest, line), nul, nonAscii, chars);
    }

    /** Whether it may travel as it is where the server takes 8bit (RFC 6152). */
    boolean fitsEightBit() {
        return !hasNul && longestLine <= SMTP_LINE;
    }

    /** Angus's rule for text that cannot travel as it is: quoted-printable when mostly ASCII, else base64. */
    boolean mostlyAscii() {
        return nonAscii * 2 <= chars;
    }
}
