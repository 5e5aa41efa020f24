package org.lettermerge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.Preflight;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.delivery.Consent;
import org.lettermerge.delivery.LiveSend;
import org.lettermerge.delivery.SendPlan;
import org.lettermerge.problems.Problem;
import org.lettermerge.store.StoredRecipient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Everything that can be known before sending, all at once, then the plan: who gets a letter, "
                + "who is skipped and why. Sends nothing, writes nothing.")
final class CheckCommand implements Callable<Integer> {

    @Mixin CampaignOptions options;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;
    private final Clock clock;

    CheckCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Campaign campaign = options.load();
        Preflight.Measured measured = Preflight.prepareMeasuringLetters(campaign);
        PreparedCampaign prepared = measured.prepared();
        Describe.campaign(out, prepared, measured.sizes(), options.overrides());
        List<Problem> errors = prepared.errors();
        List<Problem> warnings = prepared.problems().stream().filter(p -> !p.isError()).toList();
        if (!warnings.isEmpty()) {
            out.println();
            out.println("Warnings (" + warnings.size() + "):");
            warnings.forEach(p -> out.println("  " + p));
        }
        if (!errors.isEmpty()) {
            out.println();
            out.println("Problems (" + errors.size() + ") — fix these, then run check again; nothing can be sent until then:");
            errors.forEach(p -> out.println("  " + p));
            return ExitCode.INVALID_INPUT;
        }
        Optional<RuntimeException> refusal = LiveSend.refusal(prepared, Consent.NONE, clock);
        if (refusal.isPresent()) {
            out.println();
            out.println("Not ready: send --live would stop before sending anything: " + refusal.get().getMessage());
            return Failures.predicted(refusal.get());
        }
        if (!campaign.oauthAccounts().isEmpty() && campaign.oauth() != null) {
            out.println();
            if (!SignInStatus.report(out, campaign, new Logins(clock))) {
                out.println();
                out.println("Not ready: sign in first; nothing can be sent until then.");
                return ExitCode.LOGIN_FAILED;
            }
        }
        List<StoredRecipient> stored = Files.exists(campaign.database())
                ? StoredRows.of(campaign, clock) : List.of();
        SendPlan plan = SendPlan.of(prepared, stored, StoredRows.suppressed(campaign, clock));
        out.println();
        Describe.plan(out, plan, campaign);
        out.println();
        out.println("OK: the campaign is ready. Next: " + Hint.lettermerge("preview", options.ref.campaignFile)
                .given(options) + ", then " + Hint.lettermerge("send", options.ref.campaignFile, "--test-to",
                "you@example.org").given(options));
        return ExitCode.OK;
    }
}
