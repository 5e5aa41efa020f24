package org.lettermerge.problems;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file the user asked for ({@code report --out}, {@code preview --out}) could not be written. The message says
 * what is wrong with the path the user gave, in their words: never the JDK's exception names.
 */
public final class OutputNotWrittenException extends RuntimeException {

    private OutputNotWrittenException(String message, IOException cause) {
        super(message, cause);
    }

    /** @param out the path as the user gave it; @param cause what the file system said */
    public static OutputNotWrittenException of(Path out, IOException cause) {
        return new OutputNotWrittenException("cannot write " + Problem.display(out) + ": " + why(out, cause), cause);
    }

    /** Why {@code out} could not be written, and what to do, in the user's words. */
    public static String why(Path out, IOException cause) {
        Path folder = out.toAbsolutePath().normalize().getParent();
        String reason = cause instanceof FileSystemException fs ? fs.getReason() : cause.getMessage();
        if (cause instanceof NoSuchFileException && folder != null && !Files.isDirectory(folder)) {
            return "the folder " + Problem.display(folder) + " does not exist. Create it first, or give a path in a"
                    + " folder that exists.";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied. Give a path in a folder you can write to (your home folder, say).";
        }
        if (cause instanceof FileAlreadyExistsException || "Not a directory".equals(reason)) {
            return "part of that path is a file where a folder is needed. Choose another path.";
        }
        return (reason == null || reason.isEmpty() ? "the system refused it" : plain(reason)) + ". Choose another path.";
    }

    /** The operating system's reason ("Read-only file system", "No space left on device"), lower-cased to read on. */
    private static String plain(String reason) {
        return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}
