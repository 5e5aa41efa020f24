package org.lettermerge.recipients;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lettermerge.problems.Problem;

/**
 * Reads a text file that must be UTF-8. A file saved as Latin-1 or Windows-1252 would otherwise turn
 * "Côte" into "C?te" in every letter; we stop instead, naming the line of the first bad byte.
 */
final class Utf8File {

    private static final char BOM = '\uFEFF';

    private Utf8File() {
    }

    /** The text without a leading byte order mark, or null after adding a problem. */
    static String read(Path file, List<Problem> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(Problem.error(Problem.at(file, 0), "cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "): check the path and its permissions"));
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
                    "is not UTF-8 (byte 0x%02X): save the file as \"CSV UTF-8\"", bytes[offset] & 0xFF)));
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
