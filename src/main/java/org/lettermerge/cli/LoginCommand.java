package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.Durations;
import org.lettermerge.oauth.Account;
import org.lettermerge.oauth.BrowserLogin;
import org.lettermerge.oauth.DeviceLogin;
import org.lettermerge.oauth.LoginOutcome;
import org.lettermerge.oauth.TokenEndpoint;
import org.lettermerge.oauth.TokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Sign in with Microsoft, Google or the campaign's own provider (smtp.auth or mailbox.auth: "
                + "oauth2), once: the refresh token is kept in your keyring or a file only you can read, never with "
                + "the campaign.")
final class LoginCommand implements Callable<Integer> {

    @Mixin CampaignRef ref;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--device", description = "Sign in on another device with a code (RFC 8628), for a machine "
            + "without a browser (Microsoft; Google does not allow it for mail).")
    boolean device;

    @Option(names = "--no-browser", description = "Only print the sign-in address; do not open a browser.")
    boolean noBrowser;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long to wait for the browser (default: ${DEFAULT-VALUE}).")
    String timeout;

    private final Clock clock;

    LoginCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Campaign campaign = ref.load();
        SignInStatus.requireOAuth(campaign);
        TokenEndpoint endpoint = new Logins(clock).endpoint(campaign.oauth());
        TokenStore store = Logins.store();
        Duration wait = Durations.parse(timeout);
        for (String username : campaign.oauthAccounts()) {
            Account account = Account.of(username, campaign.oauth());
            LoginOutcome outcome = device
                    ? new DeviceLogin(endpoint, store, clock, d -> Thread.sleep(d.toMillis()), out).login(account)
                    : new BrowserLogin(endpoint, store, clock, out, new BrowserLogin.Options(wait, !noBrowser))
                            .login(account);
            if (outcome instanceof LoginOutcome.Failed failed) {
                err.println("Not signed in as " + username + ": " + failed.reason());
                err.flush();
                return ExitCode.LOGIN_FAILED;
            }
            out.println("Signed in as " + account.describe() + ". The refresh token is kept in " + store.where()
                    + " (readable by you alone); `" + Hint.lettermerge("logout", ref.campaignFile).given(ref)
                    + "` forgets it.");
        }
        out.println("Next: " + Hint.lettermerge("check", ref.campaignFile).given(ref) + "; a campaign paused for "
                + "its sign-in goes on with " + Hint.lettermerge("resume", ref.campaignFile).given(ref));
        return ExitCode.OK;
    }
}
