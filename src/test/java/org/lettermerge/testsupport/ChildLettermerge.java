package org.lettermerge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built jar ({@code -Dlettermerge.jar}, set by failsafe) running in a child JVM, so a test can kill it with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux) like a crash or a power cut. Output goes to files, so a
 * child that prints a lot never blocks on a full pipe. Close it in a finally block: close kills a live child.
 */
public final class ChildLettermerge implements AutoCloseable {

    private static final long WAIT_SECONDS = 60;

    private final Process process;
    private final Path out;
    private final Path err;

    private ChildLettermerge(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code java -jar lettermerge.jar args...}; its output files go into {@code outputDir}. */
    public static ChildLettermerge start(Path outputDir, String... args) {
        String jar = System.getProperty("lettermerge.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property lettermerge.jar must name the built jar (run with mvn verify), got "
                    + jar);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(outputDir, "child-", ".out");
            Path err = Files.createTempFile(outputDir, "child-", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new ChildLettermerge(process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the child to end on its own. */
    public CliRun awaitExit() throws InterruptedException {
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the child lettermerge did not exit within " + WAIT_SECONDS + " s; so far:\n"
                    + output());
        }
        return output();
    }

    /** kill -9: no shutdown hooks, no finally blocks, no closing of files or sockets by the child itself. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the child lettermerge survived SIGKILL for " + WAIT_SECONDS + " s");
        }
    }

    /** SIGTERM ({@link Process#destroy()} on Linux), as a service manager or `kill` stops it; then wait for it. */
    public CliRun terminate() throws InterruptedException {
        signalTermination();
        return awaitExit();
    }

    /** SIGTERM without waiting: the test goes on while the child stops. */
    public void signalTermination() {
        process.destroy();
    }

    /** What it printed so far; the exit code is -1 while it runs. */
    public CliRun output() {
        try {
            return new CliRun(process.isAlive() ? -1 : process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
