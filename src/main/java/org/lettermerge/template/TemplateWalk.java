package org.lettermerge.template;

import com.github.mustachejava.Code;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.codes.PartialCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every name a compiled template uses, with where it is, what it resolves to, and which sections guard it. */
final class TemplateWalk {

    enum Kind { VALUE, SECTION, INVERTED }

    /**
     * @param guards names of enclosing sections that only test a value and keep the same frame
     */
    record Use(String name, String where, Kind kind, Frame frame, Set<String> guards, Frame.Lookup lookup) {
    }

    // A partial that includes itself is legal Mustache; its names are all seen long before this depth.
    private static final int MAX_PARTIAL_DEPTH = 8;

    private final List<Use> uses = new ArrayList<>();

    private TemplateWalk() {
    }

    static List<Use> uses(Mustache template, Frame root) {
        TemplateWalk walk = new TemplateWalk();
        walk.walk(template.getCodes(), root, Set.of(), 0);
        return walk.uses;
    }

    private void walk(Code[] codes, Frame frame, Set<String> guards, int partialDepth) {
        if (codes == null) {
            return;
        }
        for (Code code : codes) {
            if (code instanceof LocatedCodes.Located located) {
                visit(code, located, frame, guards, partialDepth);
            } else if (code instanceof PartialCode) {
                if (partialDepth < MAX_PARTIAL_DEPTH) {
                    walk(code.getCodes(), frame, guards, partialDepth + 1);
                }
            } else {
                walk(code.getCodes(), frame, guards, partialDepth);
            }
        }
    }

    private void visit(Code code, LocatedCodes.Located located, Frame frame, Set<String> guards, int partialDepth) {
        String name = code.getName();
        Kind kind = code instanceof LocatedCodes.Value ? Kind.VALUE
                : code instanceof LocatedCodes.InvertedSection ? Kind.INVERTED : Kind.SECTION;
        // "." is the current item itself; it always has a value.
        Frame.Lookup lookup = ".".equals(name) ? new Frame.Found(List.of("")) : frame.resolve(name);
        uses.add(new Use(name, located.where(), kind, frame, guards, lookup));
        if (kind == Kind.VALUE || !(lookup instanceof Frame.Found found)) {
            // The body of a section whose name is unknown cannot be checked: its frame is unknown.
            return;
        }
        if (kind == Kind.INVERTED) {
            walk(code.getCodes(), frame, guards, partialDepth);
            return;
        }
        Frame inner = frame.enter(name, found.values());
        Set<String> innerGuards = new HashSet<>();
        if (inner == frame) {
            innerGuards.addAll(guards);
            innerGuards.add(name);
        }
        walk(code.getCodes(), inner, innerGuards, partialDepth);
    }
}
