package org.lettermerge.testsupport;

/** What one in-process run of the lettermerge command printed, and its exit code. */
public record CliResult(int exitCode, String out, String err) {

    /** Both streams, for assertion messages: a failing test shows what the user would have seen. */
    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
