package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;

/**
 * A send's memory, in child JVMs as users start them: the launcher's heap cap and java -jar's heap budget
 * (README, Memory). No timing and no resident-memory figure is asserted: a heap too small for the send fails it with
 * OutOfMemoryError, and the collector's own log says what the heap was sized to.
 */
class SendMemoryIT {

    private static final int LETTERS = 3_000;

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void thousandsOfLettersGoOutThroughTheLauncherInAHeapFarBelowItsCap() throws Exception {
        // 32 MB: what the JVM and the libraries need, with nothing to spare for keeping letters or rows.
        Run run = run(List.of(launcher().toString(), "send", campaign().campaign(), "--live"), "-Xmx32m");

        assertThat(run.exit).as(run.output).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(LETTERS);
    }

    @Test
    void javaJarBringsAHeapThatGrewPastItsBudgetBackWithinIt() throws Exception {
        // A first heap above the 256 MB budget, as the JVM chooses on a machine with more than 16 GB; the maximum
        // stays the JVM's choice, so the jar's budget applies.
        Path gcLog = dir.resolve("gc.log");
        Run run = run(List.of(java(), "-XX:InitialHeapSize=512m", "-Xlog:gc:file=" + gcLog, "-jar", jar(), "send",
                campaign().campaign(), "--live"), null);

        assertThat(run.exit).as(run.output).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(LETTERS);
        // "GC(7) Pause Full (System.gc()) 40M->20M(150M)": the heap's size after the collection in parentheses.
        Matcher full = Pattern.compile("Pause Full \\(System.gc\\(\\)\\) \\d+M->\\d+M\\((\\d+)M\\)")
                .matcher(Files.readString(gcLog));
        List<Integer> sizes = new ArrayList<>();
        while (full.find()) {
            sizes.add(Integer.parseInt(full.group(1)));
        }
        assertThat(sizes).as("heap sizes after the budget's full collections").isNotEmpty()
                .allSatisfy(mb -> assertThat(mb).isLessThanOrEqualTo(256));
    }

    /** The usual campaign to GreenMail, pacing off, with a letter of about 15 KB like the example's. */
    private CampaignFolder campaign() {
        String recipients = IntStream.rangeClosed(1, LETTERS).mapToObj(i -> "person" + i + "@example.org,Person " + i)
                .collect(Collectors.joining("\n", "email,name\n", "\n"));
        String paragraph = "We write about justice and reparations for survivors, {{name}}. ".repeat(12) + "\n\n";
        return CampaignFolder.in(dir)
                .write("campaign.yaml", CampaignFolder.campaignYaml("smtp: {host: 127.0.0.1, port: "
                        + greenMail.getSmtp().getPort() + ", security: none, rate: unlimited, connections: 2}"))
                .write("letter.txt.mustache", "Dear {{name}},\n\n" + paragraph.repeat(20))
                .write("recipients.csv", recipients);
    }

    private static Path launcher() {
        return Path.of(jar()).resolveSibling("lettermerge");
    }

    private static String jar() {
        return System.getProperty("lettermerge.jar");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Run(int exit, String output) {}

    private Run run(List<String> command, String javaOpts) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (javaOpts != null) {
            builder.environment().put("LETTERMERGE_JAVA_OPTS", javaOpts);
        }
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the send did not exit within 120 s");
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8));
    }
}
