package org.lettermerge.recipients;

import java.util.Arrays;

/** Turns a character offset into a 1-based line number; CRLF, LF and a lone CR each end one line. */
final class LineIndex {

    private final int[] lineStarts;

    LineIndex(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if ((c == '\n' || c == '\r') && !crlf) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    int lineOf(long offset) {
        int index = Arrays.binarySearch(lineStarts, (int) offset);
        return index >= 0 ? index + 1 : -index - 1;
    }
}
