package org.lettermerge.sandbox;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;

/**
 * The built-in sandbox: GreenMail's SMTP and IMAP servers on the loopback address only (GreenMail is an open
 * relay that keeps mail in memory, so it must never listen on a public interface), keeping every message it
 * receives as an .eml file so a first-time user can open the letters that "went out".
 */
public final class SandboxServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;
    private final EmlFolder folder;

    private SandboxServer(GreenMail greenMail, EmlFolder folder) {
        this.greenMail = greenMail;
        this.folder = folder;
    }

    /** Starts the servers; a port of 0 picks a free one. */
    public static SandboxServer start(int smtpPort, int imapPort, Path outDir) {
        ServerSetup smtp = port(new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP), smtpPort);
        ServerSetup imap = port(new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP), imapPort);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
        // Any IMAP user name and password: it is a sandbox on loopback, for looking at what was sent.
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        EmlFolder folder = EmlFolder.create(outDir);
        MessageDeliveryHandler delivering = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            folder.write(message.getMessage(), recipient.getEmail());
            return delivering.handle(message, recipient);
        });
        greenMail.start();
        return new SandboxServer(greenMail, folder);
    }

    private static ServerSetup port(ServerSetup setup, int port) {
        return port == 0 ? setup.dynamicPort() : setup;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public Path folder() {
        return folder.path();
    }

    /** How many messages were kept as .eml files since the server started. */
    public int received() {
        return folder.written();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
