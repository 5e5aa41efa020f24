package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lettermerge} command: a thin shell of subcommands over the campaign, delivery and store packages. */
@Command(name = "lettermerge", mixinStandardHelpOptions = true, version = "Lettermerge 0.1.0",
        description = "Mail merge for letters that matter: the right letter reaches each recipient once, "
                + "and the delivery log proves it.",
        subcommands = {InitCommand.class, CheckCommand.class, PreviewCommand.class, SendCommand.class, StatusCommand.class,
                RunCommand.class, InboxCommand.class, PauseCommand.class, ResumeCommand.class, CancelCommand.class,
                ResolveCommand.class, SuppressCommand.class, ReportCommand.class, FollowupCommand.class,
                SandboxCommand.class, BackupCommand.class, LoginCommand.class, LogoutCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:something unexpected (run again with --verbose for details)",
                "2:usage: the command line is wrong",
                "3:invalid input (campaign file, template, recipients, data, letters too large); nothing was sent",
                "4:mail server unavailable or refused us (connect, TLS, authentication); login: not signed in, nothing stored",
                "5:finished, but some recipients failed, are deferred or unknown",
                "6:the delivery log cannot be opened, read or written, is not a Lettermerge log, or lost a campaign",
                "7:another Lettermerge is sending from the same delivery log",
                "8:backup: nothing written (--out exists without --force, its folder is missing, or the copy failed its check)",
                "130:stopped by Ctrl-C while sending: the letter in flight was settled, the rest stay queued",
                "143:stopped by SIGTERM while sending: the same as 130"})
public final class Main {

    public static void main(String[] args) {
        HeapBudget.watch();
        System.exit(run(Clock.systemDefaultZone(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args));
    }

    /** Runs one command and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(Clock clock, PrintWriter out, PrintWriter err, String... args) {
        Logging.quiet();
        CommandLine cli = new CommandLine(new Main(), new Factory(clock));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new Failures());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }

    /** Gives every command the same clock, so tests can fix time. */
    private record Factory(Clock clock) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(Clock.class).newInstance(clock);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }

    static {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
