package org.lettermerge.recipients;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.lettermerge.problems.Problem;

/**
 * A list that cannot be read at all — missing, not a workbook, no such sheet — with the one problem that says why:
 * it has no columns and no rows, so nothing downstream reports follow-on errors about them.
 */
record UnreadableList(Path file, Problem problem) implements Table {

    /** Thrown by a reader that finds the file unusable, with the message for the user. */
    static final class Reason extends RuntimeException {
        Reason(String message) {
            super(message, null, false, false);
        }
    }

    static UnreadableList of(Path file, String message) {
        return new UnreadableList(file, Problem.error(Problem.display(file), message));
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public List<Problem> problems() {
        return List.of(problem);
    }

    @Override
    public boolean readable() {
        return false;
    }

    @Override
    public String readAs() {
        return "not read";
    }

    @Override
    public String where(int line) {
        return Problem.display(file);
    }

    @Override
    public String where(int line, String column) {
        return Problem.display(file);
    }

    @Override
    public String sheet() {
        return null;
    }

    @Override
    public boolean hasNext() {
        return false;
    }

    @Override
    public Row next() {
        throw new NoSuchElementException(Problem.display(file) + " could not be read");
    }
}
