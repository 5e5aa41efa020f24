package org.lettermerge.testsupport;

/** What one run of the lettermerge command gave back: its exit code and everything it printed. */
public record CliRun(int exitCode, String out, String err) {

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
