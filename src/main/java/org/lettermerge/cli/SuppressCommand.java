package org.lettermerge.cli;

import jakarta.mail.internet.AddressException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Addresses;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.Suppressions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lettermerge suppress add|remove|list|import}: the opt-out list of a delivery log, shared by all its
 * campaigns. The subcommands are in {@link SuppressSubcommands}; this holds what they share.
 */
@Command(name = "suppress", mixinStandardHelpOptions = true,
        description = {"The suppression list (opt-outs) of a delivery log, shared by every campaign in it.",
                "A suppressed address is never sent to: its letters are SKIPPED, even when it is in a new CSV later."},
        subcommands = {SuppressSubcommands.AddAddress.class, SuppressSubcommands.RemoveAddress.class,
                SuppressSubcommands.ListAddresses.class, SuppressSubcommands.ImportFile.class})
final class SuppressCommand {

    /** The delivery log option every subcommand takes. */
    static final class LogOption {
        @Option(names = "--db", required = true, paramLabel = "PATH", description = "The delivery log (SQLite).")
        Path database;

        @Option(names = "--create", description = "Create the delivery log if it does not exist yet (to set up "
                + "opt-outs before the first campaign). Without it, a mistyped --db is an error, not a new empty list.")
        boolean create;

        DeliveryLog open(Clock clock) {
            return create ? DeliveryLog.openOrCreate(database, clock) : DeliveryLog.openExisting(database, clock);
        }
    }

    private SuppressCommand() {}

    /** Who changed the list, for its history: the account running the command. */
    static String actor() {
        return System.getProperty("user.name", "unknown");
    }

    /** The address as it will be stored, or null after printing why it cannot be used. */
    static String address(String raw, PrintWriter err) {
        try {
            return Addresses.parseStrict(raw.strip()).getAddress();
        } catch (AddressException e) {
            String message = e.getMessage();
            int in = message.indexOf(" in string ");
            err.println("'" + raw + "' is not a usable address (" + (in > 0 ? message.substring(0, in) : message)
                    + "): nothing was changed");
            return null;
        }
    }

    static void printProblems(PrintWriter err, String heading, List<Problem> problems) {
        err.println(heading);
        problems.stream().filter(Problem::isError).forEach(p -> err.println("  " + p));
    }

    static String rowsNote(Suppressions.Outcome outcome, String what) {
        return outcome.rows() == 0 ? "" : " " + outcome.rows() + " queued letter" + (outcome.rows() == 1 ? "" : "s")
                + " " + what + ".";
    }
}
