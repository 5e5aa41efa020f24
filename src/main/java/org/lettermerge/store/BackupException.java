package org.lettermerge.store;

/**
 * A backup of the delivery log could not be written: its destination exists (without --force), its folder is
 * missing or not writable, or the copy failed its integrity check. The log itself is never touched.
 */
public final class BackupException extends RuntimeException {
    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }

    public BackupException(String message) {
        super(message);
    }
}
