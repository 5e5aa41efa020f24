package org.lettermerge.smtp;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.lettermerge.campaign.SmtpChoice;
import org.lettermerge.problems.Problem;
import org.lettermerge.sandbox.SandboxServer;
import org.lettermerge.smtp.Security;
import org.lettermerge.smtp.SmtpSettings;

/**
 * The server a run sends through — a real relay, or the built-in sandbox started in-process for the length of
 * the run — and the connections opened to it, each reused for many letters.
 */
public final class MailServer implements AutoCloseable {

    private final SmtpSettings settings;
    private final char[] password;
    private final Clock clock;
    private final SandboxServer sandbox;
    private final String description;
    private final List<SmtpClient> clients = new ArrayList<>();

    private MailServer(SmtpSettings settings, char[] password, Clock clock, SandboxServer sandbox, String description) {
        this.settings = settings;
        this.password = password;
        this.clock = clock;
        this.sandbox = sandbox;
        this.description = description;
    }

    /**
     * @param password     the relay's password, or null
     * @param sandboxMail  where the sandbox keeps what it receives
     * @param clock        tells the connections how long they have been idle
     */
    public static MailServer open(SmtpChoice choice, char[] password, Path sandboxMail, Clock clock) {
        if (choice instanceof SmtpChoice.Relay relay) {
            SmtpSettings s = relay.settings();
            return new MailServer(s, password, clock, null, s.host() + ":" + s.port() + " (" + s.security() + ")");
        }
        SandboxServer sandbox = SandboxServer.start(0, 0, sandboxMail);
        return new MailServer(SmtpSettings.of(SandboxServer.HOST, sandbox.smtpPort(), Security.NONE), null, clock, sandbox,
                "the built-in sandbox; every letter it receives is kept in " + Problem.display(sandbox.folder()));
    }

    /** A new connection, opened now (TLS, login), so that a bad setting fails before any letter is claimed. */
    public synchronized Mailer connect() {
        SmtpClient client = new SmtpClient(settings, password, clock);
        client.connect();
        clients.add(client);
        return client;
    }

    public String description() {
        return description;
    }

    @Override
    public synchronized void close() {
        try {
            clients.forEach(SmtpClient::close);
            clients.clear();
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
