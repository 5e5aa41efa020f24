package org.lettermerge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.CampaignStarter;
import org.lettermerge.problems.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Start a new campaign in a new folder: campaign file, letter (text and HTML), recipients, "
                + "signatories, with its own name and its own delivery log, ready for check.")
final class InitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The new campaign's folder (it must not exist yet, or be empty).")
    Path folder;

    @Option(names = "--name", paramLabel = "NAME", description = "The campaign's name (default: the folder's name).")
    String name;

    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var created = CampaignStarter.create(folder, name != null ? name : CampaignStarter.nameFor(folder));
        out.println("Created campaign " + created.name() + " in " + Problem.display(created.folder()) + ":");
        created.files().forEach(f -> out.println("  " + Problem.display(f)));
        out.println("Its delivery log will be " + Problem.display(created.folder().resolve("delivery-log.db"))
                + " and it sends through the built-in sandbox until you give it a real server.");
        out.println("Next: put your letter in the templates and your recipients in recipients.csv, then");
        out.println("  lettermerge check " + Problem.display(created.campaignFile()));
        return ExitCode.OK;
    }
}
