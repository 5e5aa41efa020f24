package org.lettermerge.template;

import org.lettermerge.problems.Problem;

/**
 * A template name had no value while rendering. Mustache would print nothing ("Dear ,"); we stop instead.
 * Preflight ({@link LetterTemplates#checkVariables}) should have caught it, so this means data changed or a check has a gap.
 */
public final class MissingValueException extends RuntimeException {

    private final String name;
    private final String where;

    public MissingValueException(String name, String where, String reason) {
        super(where + ": '" + name + "' has no value: " + reason);
        this.name = name;
        this.where = where;
    }

    public String name() {
        return name;
    }

    /** The template and line: "templates/letter.txt.mustache:3". */
    public String where() {
        return where;
    }

    public Problem toProblem() {
        return Problem.error(where, getMessage().substring(where.length() + 2));
    }
}
