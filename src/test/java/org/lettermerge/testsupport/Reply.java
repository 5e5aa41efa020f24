package org.lettermerge.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the scripted server does at one point of the dialogue. */
public sealed interface Reply {

    /** Answer with a reply code; a text with '\n' becomes a multi-line reply (RFC 5321 4.2.1: "250-..." lines, last "250 ..."). */
    record Code(int code, String text) implements Reply {
        public Code {
            if (code < 200 || code > 599) {
                throw new IllegalArgumentException("SMTP reply codes are 200-599, got " + code);
            }
            Objects.requireNonNull(text, "text");
        }

        List<String> lines() {
            String[] parts = text.split("\n", -1);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                lines.add(code + (i < parts.length - 1 ? "-" : " ") + parts[i]);
            }
            return lines;
        }
    }

    /** Close the connection without answering: a crash or a network cut. */
    record Drop() implements Reply { }

    /** Never answer, keep the socket open until the server is closed: a hung server. */
    record Stall() implements Reply { }

    static Reply code(int code, String text) {
        return new Code(code, text);
    }

    static Reply drop() {
        return new Drop();
    }

    static Reply stall() {
        return new Stall();
    }
}
