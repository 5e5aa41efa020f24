package org.lettermerge.recipients;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.lettermerge.problems.Problem;

/**
 * Reads a text file that must be UTF-8. A file saved as Latin-1 or Windows-1252 would otherwise turn
 * "Côte" into "C?te" in every letter; we stop instead, with one message that says how to save it.
 */
final class Utf8File {

    private static final char BOM = '\uFEFF';

    /** Excel's "CSV (Comma delimited)" and "Unicode Text" are the usual wrong choices; "CSV UTF-8" is right. */
    static final String HOW_TO_SAVE = "save it again as \"CSV UTF-8 (Comma delimited)\" (Excel) or as Text CSV with"
            + " the character set Unicode (UTF-8) (LibreOffice), or point to the .xlsx or .ods file itself";

    private Utf8File() {
    }

    /** The text without a leading byte order mark, or null after adding one problem that says why. */
    static String read(Path file, List<Problem> problems) {
        byte[] bytes = FileAccess.bytes(file, problems);
        if (bytes == null) {
            return null;
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            problems.add(Problem.error(Problem.display(file), "is saved as UTF-16 (Excel's \"Unicode Text\"), not"
                    + " UTF-8: " + HOW_TO_SAVE));
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            problems.add(Problem.error(Problem.at(file, lineOfByte(bytes, offset)), String.format(
                    "is not UTF-8 (byte 0x%02X here; it was probably saved as Windows-1252 or Latin-1, Excel's"
                            + " plain \"CSV\"): %s", bytes[offset] & 0xFF, HOW_TO_SAVE)));
            return null;
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
