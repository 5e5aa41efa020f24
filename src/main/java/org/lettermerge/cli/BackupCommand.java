package org.lettermerge.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.problems.Problem;
import org.lettermerge.store.LogBackup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"A consistent copy of the delivery log, safe to take while a send runs; checked, and "
                + "readable by its owner only.",
                "Restore: stop every sender, copy the backup over the log, delete any -wal and -shm file beside it."})
final class BackupCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CAMPAIGN",
            description = "The campaign file (YAML) whose delivery log to copy; or give --db.")
    Path campaignFile;

    @Option(names = "--db", paramLabel = "LOG", description = "The delivery log (SQLite) to copy.")
    Path database;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The backup to write; its folder must exist.")
    Path out;

    @Option(names = "--force", description = "Replace --out if it already exists.")
    boolean force;

    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Path log = database != null ? database : logOfCampaign();
        LogBackup.Contents copy = LogBackup.copy(log, out, force);
        spec.commandLine().getOut().println("Backed up " + Problem.display(log) + " to " + Problem.display(out) + ": "
                + summary(copy) + ". Integrity check: " + copy.integrity() + ".");
        return ExitCode.OK;
    }

    private Path logOfCampaign() {
        if (campaignFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "name the log to back up: a campaign file (its database) or --db LOG");
        }
        return CampaignFile.load(campaignFile).database();
    }

    /** "1 campaign, 10 letters (9 accepted, 1 deferred)". */
    static String summary(LogBackup.Contents copy) {
        String campaigns = plural(copy.campaigns(), "campaign");
        String letters = plural(copy.letterCount(), "letter");
        String states = copy.letters().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        return campaigns + ", " + letters + (states.isEmpty() ? "" : " (" + states + ")");
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
