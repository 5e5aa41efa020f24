package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFixture;

class FingerprintTest {

    @TempDir
    Path dir;

    @Test
    void aRowHashDoesNotDependOnColumnOrder() {
        Map<String, String> nameFirst = new LinkedHashMap<>();
        nameFirst.put("name", "Ana");
        nameFirst.put("email", "ana@example.org");
        Map<String, String> emailFirst = new LinkedHashMap<>();
        emailFirst.put("email", "ana@example.org");
        emailFirst.put("name", "Ana");

        assertThat(Fingerprint.row(nameFirst)).isEqualTo(Fingerprint.row(emailFirst)).hasSize(64);
    }

    @Test
    void aRowHashChangesWithAnyValue() {
        assertThat(Fingerprint.row(Map.of("email", "ana@example.org", "name", "Ana")))
                .isNotEqualTo(Fingerprint.row(Map.of("email", "ana@example.org", "name", "Anna")));
        // Field boundaries are part of the hash: moving text between columns is a change.
        assertThat(Fingerprint.row(Map.of("a", "xy", "b", "")))
                .isNotEqualTo(Fingerprint.row(Map.of("a", "x", "b", "y")));
    }

    @Test
    void changingTheTemplateFileChangesOnlyItsPart() {
        CampaignFixture folder = CampaignFixture.standard(dir);
        Campaign campaign = folder.load();
        Map<String, String> before = Fingerprint.parts(campaign);

        folder.write("letter.txt", CampaignFixture.LETTER + "P.S. one more line\n");
        Map<String, String> after = Fingerprint.parts(campaign);

        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after.get("template letter.txt")).isNotEqualTo(before.get("template letter.txt"));
        Map<String, String> othersBefore = new LinkedHashMap<>(before);
        Map<String, String> othersAfter = new LinkedHashMap<>(after);
        othersBefore.remove("template letter.txt");
        othersAfter.remove("template letter.txt");
        assertThat(othersAfter).isEqualTo(othersBefore);
        assertThat(Fingerprint.overall(after)).isNotEqualTo(Fingerprint.overall(before));
    }

    @Test
    void theOverallHashDoesNotDependOnPartOrder() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("subject", "1");
        one.put("template t", "2");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("template t", "2");
        other.put("subject", "1");

        assertThat(Fingerprint.overall(one)).isEqualTo(Fingerprint.overall(other));
    }
}
