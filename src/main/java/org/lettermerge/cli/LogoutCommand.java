package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.oauth.Account;
import org.lettermerge.oauth.SignInException;
import org.lettermerge.oauth.StoredGrant;
import org.lettermerge.oauth.TokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Forget the campaign's OAuth sign-in: its refresh token is revoked where the provider allows "
                + "it and removed from this machine. Campaigns of that account pause until the next `login`.")
final class LogoutCommand implements Callable<Integer> {

    @Mixin CampaignRef ref;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;
    private final Clock clock;

    LogoutCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Campaign campaign = ref.load();
        SignInStatus.requireOAuth(campaign);
        TokenStore store = Logins.store();
        for (String username : campaign.oauthAccounts()) {
            Account account = Account.of(username, campaign.oauth());
            StoredGrant grant = store.read(account).orElse(null);
            if (grant == null) {
                out.println(account.describe() + " was not signed in on this machine.");
                continue;
            }
            String revoked = "";
            if (campaign.oauth().revocation() != null) {
                try {
                    new Logins(clock).endpoint(campaign.oauth()).revoke(grant.refreshToken());
                    revoked = " and revoked";
                } catch (SignInException e) {
                    revoked = " (not revoked at the provider: " + e.getMessage() + ")";
                }
            }
            store.forget(account);
            out.println("Signed out " + account.describe() + ": its refresh token was removed" + revoked + ".");
        }
        return ExitCode.OK;
    }
}
