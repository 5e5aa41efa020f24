package org.lettermerge.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.lettermerge.cli.Main;

/** Runs the lettermerge command in-process, as a user would type it, capturing both output streams. */
public final class Cli {

    private Cli() {}

    public static CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliResult(code, out.toString(), err.toString());
    }
}
