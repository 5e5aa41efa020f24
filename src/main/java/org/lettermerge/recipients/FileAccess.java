package org.lettermerge.recipients;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.lettermerge.problems.Problem;

/**
 * Whether a list's file can be opened, said in the user's words: a missing file, a folder, a file without read
 * permission. One message, the path as resolved, and what to do; never the name of a Java exception.
 */
final class FileAccess {

    private FileAccess() {
    }

    /** Null when the file can be read, else the one problem that says why. */
    static Problem problem(Path file) {
        String where = Problem.display(file);
        if (Files.isDirectory(file)) {
            return Problem.error(where, "is a folder, not a file: point to the list inside it");
        }
        if (!Files.exists(file)) {
            return Problem.error(where, "not found: check the path (relative paths start at the campaign file's"
                    + " folder)");
        }
        if (!Files.isReadable(file)) {
            return Problem.error(where, "cannot be read: permission denied; check the file's permissions");
        }
        return null;
    }

    /** The file's bytes, or null after adding one problem. */
    static byte[] bytes(Path file, List<Problem> problems) {
        Problem problem = problem(file);
        if (problem == null) {
            try {
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                problem = problem(file);
            } catch (AccessDeniedException e) {
                problem = Problem.error(Problem.display(file), "cannot be read: permission denied; check the file's"
                        + " permissions");
            } catch (IOException e) {
                problem = Problem.error(Problem.display(file), "cannot be read (" + e.getMessage() + "): check the"
                        + " file, or copy it to a local folder");
            }
        }
        problems.add(problem != null ? problem : Problem.error(Problem.display(file), "cannot be read"));
        return null;
    }
}
