package org.lettermerge.cli;

import java.io.PrintWriter;
import org.lettermerge.delivery.CampaignChangedException;
import org.lettermerge.oauth.SignInException;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.OutputNotWrittenException;
import org.lettermerge.problems.Problem;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.store.BackupException;
import org.lettermerge.store.DeliveryLogException;
import org.lettermerge.store.SenderLock;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The one place that turns known failures into a friendly message and an exit code; stack traces only with --verbose. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int code;
        if (e instanceof InvalidInputException invalid) {
            err.println("Cannot use the campaign as it is; nothing was sent:");
            invalid.problems().stream().filter(Problem::isError).forEach(p -> err.println("  " + p));
            code = ExitCode.INVALID_INPUT;
        } else if (e instanceof CampaignChangedException) {
            err.println("Stopped before sending: " + e.getMessage());
            code = ExitCode.INVALID_INPUT;
        } else if (e instanceof ServerUnavailableException) {
            err.println("Mail server problem: " + e.getMessage());
            err.println("Every letter not yet sent is still queued; run the same command again when the server is back.");
            code = ExitCode.SERVER_UNAVAILABLE;
        } else if (e instanceof SignInException) {
            err.println("Sign-in problem: " + e.getMessage());
            code = ExitCode.LOGIN_FAILED;
        } else if (e instanceof DeliveryLogException) {
            err.println("Delivery log problem: " + e.getMessage());
            code = ExitCode.LOG_UNAVAILABLE;
        } else if (e instanceof BackupException) {
            err.println("No backup written: " + e.getMessage());
            code = ExitCode.BACKUP_NOT_WRITTEN;
        } else if (e instanceof OutputNotWrittenException) {
            err.println("Nothing written: " + e.getMessage());
            code = ExitCode.OUTPUT_NOT_WRITTEN;
        } else if (e instanceof SenderLock.SenderBusyException) {
            err.println(e.getMessage());
            code = ExitCode.BUSY;
        } else {
            err.println("Unexpected error: " + e + (verbose(parsed) ? "" : " (run with --verbose for details)"));
            code = ExitCode.UNEXPECTED;
        }
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The exit code of a refusal `check` and the dry run predict, the same `send --live` would exit with. */
    static int predicted(RuntimeException refusal) {
        return refusal instanceof DeliveryLogException ? ExitCode.LOG_UNAVAILABLE : ExitCode.INVALID_INPUT;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
