package org.lettermerge.testsupport.mailworld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One server process started by a test, in the foreground under coreutils' {@code timeout} so that it ends by
 * itself even if the JVM dies, and stopped by its PID (and the PIDs of its children): never by name, never a
 * system service. Also runs the short configuration commands (postconf, postfix check) with a bound.
 */
final class Daemon implements AutoCloseable {

    /** How long a server may live at most: far longer than any test, short enough never to outlive a crashed run. */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path output;

    private Daemon(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    /** Starts {@code command} in the foreground, its output in {@code output}. */
    static Daemon start(String name, Path output, String... command) {
        List<String> bounded = new ArrayList<>(List.of("timeout", LIFETIME.toSeconds() + "s"));
        bounded.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(bounded).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            return new Daemon(name, p, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Fails with the server's own output if it has already ended (a port taken, a config error). */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " (PID " + process.pid() + ") ended with exit code "
                    + process.exitValue() + ": " + tail(output));
        }
    }

    /**
     * SIGTERM to {@code timeout}, which passes it on to the server, which stops its own children (Postfix's master
     * and Dovecot both do); whatever is still running after {@link #STOP_LIMIT} is killed by its PID.
     */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        process.destroy();
        long deadline = System.nanoTime() + STOP_LIMIT.toNanos();
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                h.destroyForcibly();
            }
        }
    }

    /** Runs a short command to its end (bounded), failing with its output unless it exits 0. */
    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + COMMAND_LIMIT);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }

    /** The last lines of a log file, for failure messages. */
    static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file.getFileName() + ")";
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
