package org.lettermerge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lettermerge.problems.Problem;
import org.lettermerge.sandbox.SandboxServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the built-in mail server (SMTP and IMAP on 127.0.0.1) until interrupted, keeping every "
                + "message it receives as an .eml file. Point a campaign at it with --smtp-host 127.0.0.1 "
                + "--smtp-port PORT --smtp-security none.")
final class SandboxCommand implements Callable<Integer> {

    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--smtp-port", defaultValue = "3025", description = "SMTP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int smtpPort;

    @Option(names = "--imap-port", defaultValue = "3143", description = "IMAP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int imapPort;

    @Option(names = "--out", defaultValue = "var/sandbox-mail", paramLabel = "DIR",
            description = "Folder for the .eml files (default: ${DEFAULT-VALUE}).")
    Path folder;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        for (int port : new int[] {smtpPort, imapPort}) {
            if (port < 0 || port > 65535) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a port must be from 0 (any free"
                        + " port) to 65535; " + port + " is not");
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (SandboxServer server = SandboxServer.start(smtpPort, imapPort, folder)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sandbox-stop"));
            out.println("Sandbox mail server running: SMTP 127.0.0.1:" + server.smtpPort() + ", IMAP 127.0.0.1:"
                    + server.imapPort() + " (IMAP accepts any user name and password)");
            out.println("Every message it receives is kept in " + Problem.display(server.folder()));
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
            out.println("Stopped; " + server.received() + " messages kept in " + Problem.display(server.folder()));
        }
        return ExitCode.OK;
    }
}
