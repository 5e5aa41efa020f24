package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** target/lettermerge, the launcher the build puts beside the jar, as a user runs it: through a link on the PATH. */
class LauncherIT {

    @TempDir
    Path dir;

    @Test
    void theLauncherFindsItsJarThroughALinkFromAnotherFolder() throws Exception {
        Path link = linkToLauncher();

        Run run = run(dir, link, null, "--version");

        assertThat(run.exit).isZero();
        assertThat(run.output).startsWith("Lettermerge ");
    }

    @Test
    void optionsInLettermergeJavaOptsReachTheJvm() throws Exception {
        Path link = linkToLauncher();

        // A heap too small for any JVM to start: only refused if the option got through.
        Run run = run(dir, link, "-Xmx1k", "--version");

        assertThat(run.exit).isNotZero();
        assertThat(run.output).containsIgnoringCase("heap");
    }

    private Path linkToLauncher() throws IOException {
        Path launcher = Path.of(System.getProperty("lettermerge.jar")).resolveSibling("lettermerge");
        assertThat(Files.isExecutable(launcher)).as("the build made %s executable", launcher).isTrue();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        return Files.createSymbolicLink(bin.resolve("lettermerge"), launcher.toAbsolutePath());
    }

    private record Run(int exit, String output) {}

    private static Run run(Path workDir, Path command, String javaOpts, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command.toString());
        builder.command().addAll(List.of(args));
        builder.directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        if (javaOpts != null) {
            builder.environment().put("LETTERMERGE_JAVA_OPTS", javaOpts);
        }
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not exit within 60 s");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
