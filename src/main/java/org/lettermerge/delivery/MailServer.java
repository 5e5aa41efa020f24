package org.lettermerge.delivery;

import java.nio.file.Path;
import org.lettermerge.campaign.SmtpChoice;
import org.lettermerge.problems.Problem;
import org.lettermerge.sandbox.SandboxServer;
import org.lettermerge.smtp.Security;
import org.lettermerge.smtp.SmtpClient;
import org.lettermerge.smtp.SmtpSettings;

/**
 * The server a run sends through, with its one reused connection: a real relay, or the built-in sandbox
 * started in-process for the length of the run.
 */
public final class MailServer implements AutoCloseable {

    private final SmtpClient client;
    private final SandboxServer sandbox;
    private final String description;

    private MailServer(SmtpClient client, SandboxServer sandbox, String description) {
        this.client = client;
        this.sandbox = sandbox;
        this.description = description;
    }

    /**
     * @param password     the relay's password, or null
     * @param sandboxMail  where the sandbox keeps what it receives
     */
    public static MailServer open(SmtpChoice choice, char[] password, Path sandboxMail) {
        if (choice instanceof SmtpChoice.Relay relay) {
            SmtpSettings s = relay.settings();
            return new MailServer(new SmtpClient(s, password), null,
                    s.host() + ":" + s.port() + " (" + s.security().name().toLowerCase() + ")");
        }
        SandboxServer sandbox = SandboxServer.start(0, 0, sandboxMail);
        SmtpSettings s = SmtpSettings.of(SandboxServer.HOST, sandbox.smtpPort(), Security.NONE);
        return new MailServer(new SmtpClient(s, null), sandbox,
                "the built-in sandbox; every letter it receives is kept in " + Problem.display(sandbox.folder()));
    }

    public SmtpClient client() {
        return client;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
