package org.lettermerge.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: diagnostics and stack traces on stderr. */
final class Verbosity {
    @Option(names = {"-v", "--verbose"}, description = "Print diagnostics and stack traces to stderr.")
    void setVerbose(boolean verbose) {
        if (verbose) {
            Logging.verbose();
        }
    }
}
