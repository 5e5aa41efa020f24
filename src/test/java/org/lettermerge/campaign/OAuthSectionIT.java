package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.oauth.OAuthSettings;
import org.lettermerge.oauth.Provider;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;

/** The campaign file's {@code oauth:} section and {@code auth: oauth2}: defaults per provider, mistakes by key. */
class OAuthSectionIT {

    private static final String HEAD = """
            name: signed-in
            from: Organizers <letters@coalition.example.org>
            subject: "A letter"
            template: letter.txt
            recipients: recipients.csv
            """;

    @TempDir
    Path dir;

    private Path write(String rest) throws IOException {
        return Files.writeString(dir.resolve("campaign.yaml"), HEAD + rest, StandardCharsets.UTF_8);
    }

    private List<String> problemsOf(String rest) throws IOException {
        Path file = write(rest);
        return catchThrowableOfType(InvalidInputException.class, () -> CampaignFile.load(file)).problems().stream()
                .map(Problem::toString).toList();
    }

    @Test
    void microsoftSignsInAtTheOrganizationsTenantWithSmtpImapAndOfflineScopes() throws IOException {
        Campaign campaign = CampaignFile.load(write("""
                smtp:
                  host: smtp.office365.com
                  username: letters@coalition.example.org
                  auth: oauth2
                mailbox:
                  host: outlook.office365.com
                  username: letters@coalition.example.org
                  auth: oauth2
                oauth:
                  provider: microsoft
                  client_id: 7f3c1a52-0000-4000-8000-000000000001
                """));

        OAuthSettings oauth = campaign.oauth();
        assertThat(oauth.provider()).isEqualTo(Provider.MICROSOFT);
        assertThat(oauth.tenant()).isEqualTo("organizations");
        assertThat(oauth.endpoints().token()).hasToString(
                "https://login.microsoftonline.com/organizations/oauth2/v2.0/token");
        assertThat(oauth.endpoints().device()).hasToString(
                "https://login.microsoftonline.com/organizations/oauth2/v2.0/devicecode");
        assertThat(oauth.scopes()).containsExactly("https://outlook.office.com/SMTP.Send",
                "https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access");
        assertThat(((SmtpChoice.Relay) campaign.smtp()).signsInWithOAuth()).isTrue();
        assertThat(campaign.mailbox().auth()).isEqualTo(Auth.OAUTH2);
        assertThat(campaign.oauthAccounts()).containsExactly("letters@coalition.example.org");
    }

    @Test
    void googleUsesTheGmailScopeAndReadsItsClientSecretFromTheVariableNamed() throws IOException {
        Campaign campaign = CampaignFile.load(write("""
                smtp: { host: smtp.gmail.com, username: letters@coalition.example.org, auth: oauth2 }
                oauth: { provider: google, client_id: 123-abc.apps.googleusercontent.com, client_secret_env: GOOGLE_SECRET }
                """));

        assertThat(campaign.oauth().scopes()).containsExactly("https://mail.google.com/");
        assertThat(campaign.oauth().clientSecretEnv()).isEqualTo("GOOGLE_SECRET");
        assertThat(campaign.oauth().endpoints().device()).isNull();
    }

    @Test
    void aCustomProviderNamesItsEndpointsAndScopes() throws IOException {
        Campaign campaign = CampaignFile.load(write("""
                smtp: { host: mail.example.org, username: letters@example.org, auth: oauth2 }
                oauth:
                  provider: custom
                  client_id: lettermerge
                  authorization_endpoint: https://id.example.org/oauth2/authorize
                  token_endpoint: https://id.example.org/oauth2/token
                  device_endpoint: https://id.example.org/oauth2/device_authorization
                  scopes: [mail.send, mail.read, offline_access]
                """));

        assertThat(campaign.oauth().endpoints().device()).hasToString("https://id.example.org/oauth2/device_authorization");
        assertThat(campaign.oauth().scopes()).containsExactly("mail.send", "mail.read", "offline_access");
    }

    @Test
    void secretsInTheFileAndMissingPiecesAreEachReportedByTheirKey() throws IOException {
        List<String> problems = problemsOf("""
                smtp:
                  host: smtp.office365.com
                  auth: oauth2
                  password_env: SMTP_PASSWORD
                oauth:
                  provider: microsoft
                  client_id: abc
                  client_secret: s3cret-in-a-file
                  token_endpoint: https://elsewhere.example.org/token
                """);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("smtp.auth: oauth2 needs smtp.username"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("smtp.password_env is not used with smtp.auth: oauth2"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("oauth.client_secret is not allowed")
                .contains("client_secret_env"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("oauth.token_endpoint is for provider: custom"));
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("s3cret-in-a-file"));
    }

    @Test
    void authOauth2WithoutAnOauthSectionOrWithAnUnknownProviderSaysWhatToAdd() throws IOException {
        assertThat(problemsOf("""
                mailbox: { host: imap.example.org, username: letters@example.org, auth: oauth2 }
                """)).anySatisfy(p -> assertThat(p).contains("there is no oauth section"));
        assertThat(problemsOf("""
                smtp: { host: smtp.example.org, username: letters@example.org, auth: kerberos }
                """)).anySatisfy(p -> assertThat(p).contains("smtp.auth: 'kerberos' is not a way to sign in"));
        assertThat(problemsOf("""
                smtp: { host: smtp.example.org, username: letters@example.org, auth: oauth2 }
                oauth: { provider: yahoo, client_id: x }
                """)).anySatisfy(p -> assertThat(p).contains("oauth.provider: 'yahoo' is not a provider"));
        assertThat(problemsOf("""
                smtp: { host: smtp.example.org, username: letters@example.org, auth: oauth2 }
                oauth: { provider: custom, client_id: x, authorization_endpoint: http://id.example.org/a,
                         token_endpoint: https://id.example.org/t, scopes: [mail] }
                """)).anySatisfy(p -> assertThat(p).contains("oauth.authorization_endpoint must be an https:// address"));
    }

    @Test
    void aPasswordCampaignIsUnchanged() throws IOException {
        Campaign campaign = CampaignFile.load(write("""
                smtp: { host: smtp.example.org, username: letters@example.org, password_env: SMTP_PASSWORD }
                """));

        assertThat(((SmtpChoice.Relay) campaign.smtp()).auth()).isEqualTo(Auth.PASSWORD);
        assertThat(campaign.oauth()).isNull();
        assertThat(campaign.oauthAccounts()).isEmpty();
    }
}
