package org.lettermerge.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;

/**
 * A new campaign folder, ready for `check`: its own name and its own delivery log, so a second letter never joins
 * the first one's log (which a copied folder did: it kept the example's name and database). The letter, the data
 * and the recipients' columns are the example campaign's, packed into the jar by the build.
 */
public final class CampaignStarter {

    /** Copied as they are; campaign.yaml is written with the campaign's name. */
    private static final List<String> FILES = List.of("letter.txt.mustache", "letter.html.mustache", "signatories.csv",
            "letter.yaml");
    /** The example's recipients file: its header and this many rows, to be replaced by the organizer's own. */
    private static final int SAMPLE_RECIPIENTS = 2;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public record Created(Path folder, Path campaignFile, String name, List<Path> files) {}

    private CampaignStarter() {}

    /** The name a folder gives a campaign when none is asked for: its own name, in lower case. */
    public static String nameFor(Path folder) {
        String base = folder.toAbsolutePath().normalize().getFileName().toString().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return base.isEmpty() ? "campaign" : base;
    }

    public static Created create(Path folder, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException(Problem.error("--name", "'" + name + "' cannot be a campaign name: use"
                    + " letters, digits, '.', '_' and '-' (up to 100), starting with a letter or digit"));
        }
        Path parent = folder.toAbsolutePath().normalize().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InvalidInputException(Problem.error(Problem.display(folder), "its folder "
                    + Problem.display(parent) + " does not exist: check the path for a typo, or create it first"));
        }
        if (Files.exists(folder) && !isEmptyFolder(folder)) {
            throw new InvalidInputException(Problem.error(Problem.display(folder), "already exists and is not an"
                    + " empty folder: init never writes over files. Choose a new folder for the new campaign"));
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            Path campaignFile = folder.resolve("campaign.yaml");
            written.add(write(campaignFile, resource("campaign.yaml").replace("CAMPAIGN_NAME", name)
                    .replace("CAMPAIGN_FILE", Problem.display(campaignFile))));
            for (String file : FILES) {
                written.add(write(folder.resolve(file), resource(file)));
            }
            written.add(write(folder.resolve("recipients.csv"), sampleRecipients()));
            return new Created(folder, campaignFile, name, written);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.error(Problem.display(folder), "cannot write the new campaign: "
                    + e.getMessage()));
        }
    }

    private static boolean isEmptyFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static String sampleRecipients() throws IOException {
        List<String> lines = resource("recipients.csv").lines().toList();
        return String.join("\n", lines.subList(0, Math.min(lines.size(), 1 + SAMPLE_RECIPIENTS))) + "\n";
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CampaignStarter.class.getResourceAsStream("starter/" + name)) {
            if (in == null) {
                throw new IOException("the starter file " + name + " is missing from this build of Lettermerge");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
