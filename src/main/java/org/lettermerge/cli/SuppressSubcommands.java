package org.lettermerge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.AddressFile;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.Suppressions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The thin commands under {@code suppress}: parse, call {@link Suppressions}, print. */
final class SuppressSubcommands {

    private SuppressSubcommands() {}

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Put an address on the list: none of its letters, in any campaign of this log, is sent.")
    static final class AddAddress implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ADDRESS") String address;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, e.g. \"asked by phone\".")
        String reason;
        @Mixin SuppressCommand.LogOption db;
        @Mixin Verbosity verbosity;
        @Spec CommandSpec spec;
        private final Clock clock;

        AddAddress(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String email = SuppressCommand.address(address, spec.commandLine().getErr());
            if (email == null) {
                return ExitCode.INVALID_INPUT;
            }
            try (DeliveryLog log = db.open(clock)) {
                Suppressions.Outcome outcome = log.suppressions().add(email, reason, Suppressions.Source.MANUAL,
                        SuppressCommand.actor());
                out.println(outcome.changed() ? email + " is suppressed: it will not be sent to."
                        + SuppressCommand.rowsNote(outcome, "will not be sent")
                        : email + " was already on the list; its entry is unchanged.");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Take an address off the list: its skipped letters go on from where they were.")
    static final class RemoveAddress implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ADDRESS") String address;
        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "removed with suppress remove",
                description = "Why, kept in the list's history (default: ${DEFAULT-VALUE}).")
        String reason;
        @Mixin SuppressCommand.LogOption db;
        @Mixin Verbosity verbosity;
        @Spec CommandSpec spec;
        private final Clock clock;

        RemoveAddress(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Integer call() {
            String email = SuppressCommand.address(address, spec.commandLine().getErr());
            if (email == null) {
                return ExitCode.INVALID_INPUT;
            }
            try (DeliveryLog log = db.open(clock)) {
                Suppressions.Outcome outcome = log.suppressions().remove(email, reason, SuppressCommand.actor());
                if (!outcome.changed()) {
                    spec.commandLine().getErr().println(email + " is not on the suppression list of "
                            + Problem.display(log.path()) + ": nothing was changed (see suppress list)");
                    return ExitCode.INVALID_INPUT;
                }
                spec.commandLine().getOut().println(email + " is no longer suppressed."
                        + SuppressCommand.rowsNote(outcome, "can be sent again"));
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The suppressed addresses with reason, source, when and by whom; --history for every change.")
    static final class ListAddresses implements Callable<Integer> {
        enum Format { table, csv }

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "table or csv (default: ${DEFAULT-VALUE}). CSV is safe to open in a spreadsheet.")
        Format format;
        @Option(names = "--history", description = "Every addition and removal, oldest first, instead of the list.")
        boolean history;
        @Mixin SuppressCommand.LogOption db;
        @Mixin Verbosity verbosity;
        @Spec CommandSpec spec;
        private final Clock clock;

        ListAddresses(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DeliveryLog log = db.open(clock)) {
                if (history) {
                    SuppressionOutput.history(out, log.suppressions().history(), format == Format.csv);
                } else {
                    SuppressionOutput.list(out, log.suppressions().list(), format == Format.csv);
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Add every address of a file: a CSV with an email column, or one address per line.",
                    "All or nothing: if any line is not a usable address, nothing is imported."})
    static final class ImportFile implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE") Path file;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (default: imported from FILE).")
        String reason;
        @Mixin SuppressCommand.LogOption db;
        @Mixin Verbosity verbosity;
        @Spec CommandSpec spec;
        private final Clock clock;

        ImportFile(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Integer call() {
            AddressFile.Result read = AddressFile.read(file);
            if (read.hasErrors()) {
                SuppressCommand.printProblems(spec.commandLine().getErr(),
                        "Cannot import " + Problem.display(file) + "; nothing was imported:", read.problems());
                return ExitCode.INVALID_INPUT;
            }
            String why = reason != null ? reason : "imported from " + file.getFileName();
            try (DeliveryLog log = db.open(clock)) {
                List<String> addresses = read.addresses().stream().map(AddressFile.Entry::email).toList();
                Suppressions.Outcome outcome = log.suppressions().importAll(addresses, why, SuppressCommand.actor());
                int added = outcome.entries();
                spec.commandLine().getOut().println("Imported " + added + " address" + (added == 1 ? "" : "es")
                        + " from " + Problem.display(file) + " (" + (addresses.size() - added)
                        + " already on the list or repeated)." + SuppressCommand.rowsNote(outcome, "will not be sent"));
                return ExitCode.OK;
            }
        }
    }
}
