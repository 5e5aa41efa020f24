package org.lettermerge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.campaign.Preflight;
import org.lettermerge.campaign.PreparedCampaign;

/**
 * A campaign written into a test's folder: campaign.yaml, letter.txt and recipients.csv, each replaceable,
 * so a test states only the file it is about.
 */
public final class CampaignFixture {

    public static final String CAMPAIGN = """
            name: test-campaign
            from: "Organizers <organizers@example.org>"
            subject: "An open letter, {{name}}"
            template: letter.txt
            recipients: recipients.csv
            """;

    public static final String LETTER = """
            Dear {{name}},

            Please read our letter.
            """;

    public static final String RECIPIENTS = """
            email,name
            ana@example.org,Ana
            bo@example.org,Bo
            """;

    private final Path dir;

    private CampaignFixture(Path dir) {
        this.dir = dir;
    }

    /** The three files above, written into {@code dir}. */
    public static CampaignFixture standard(Path dir) {
        return new CampaignFixture(dir).write("campaign.yaml", CAMPAIGN).write("letter.txt", LETTER)
                .write("recipients.csv", RECIPIENTS);
    }

    public CampaignFixture write(String relative, String text) {
        Path file = dir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path path(String relative) {
        return dir.resolve(relative);
    }

    public Campaign load() {
        return CampaignFile.load(dir.resolve("campaign.yaml"));
    }

    public PreparedCampaign prepare() {
        return Preflight.prepare(load());
    }
}
