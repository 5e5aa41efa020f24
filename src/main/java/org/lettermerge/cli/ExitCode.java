package org.lettermerge.cli;

/** Exit codes, documented in the README. Scripts and cron jobs rely on them: never renumber. */
public final class ExitCode {
    public static final int OK = 0;
    /** Anything unexpected: a bug, or a failure we did not foresee. */
    public static final int UNEXPECTED = 1;
    /** The command line itself is wrong (picocli's usage errors). */
    public static final int USAGE = 2;
    /** The campaign file, a template, the recipients or a data file cannot be used; nothing was sent. */
    public static final int INVALID_INPUT = 3;
    /** The mail server is unavailable or refused us (connect, TLS, authentication, 421, quota). */
    public static final int SERVER_UNAVAILABLE = 4;
    /** `lettermerge login` did not sign in (declined, timed out, state mismatch): the same code, nothing stored. */
    public static final int LOGIN_FAILED = 4;
    /** The run finished, but some recipients failed, are deferred, or their outcome is unknown. */
    public static final int SOME_NOT_DELIVERED = 5;
    /** The delivery log cannot be opened, read or written; sending stopped. */
    public static final int LOG_UNAVAILABLE = 6;
    /** Another Lettermerge is sending from the same delivery log. */
    public static final int BUSY = 7;
    /** lettermerge backup wrote nothing: --out exists (without --force), its folder is missing, or the copy failed its check. */
    public static final int BACKUP_NOT_WRITTEN = 8;
    /** A file the user asked for (report --out, preview --out) could not be written: a path they can fix. */
    public static final int OUTPUT_NOT_WRITTEN = 9;

    private ExitCode() {}
}
