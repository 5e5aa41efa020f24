package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.recipients.RecipientsCsv;
import org.lettermerge.testsupport.CampaignFixture;

class FingerprintIT {

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

    @Test
    void theRecipientsHashBuiltRowByRowIsTheOneTheLogAlreadyHolds() throws IOException {
        Path csv = Files.writeString(dir.resolve("recipients.csv"), """
                Email,Name,Company,TimeZone
                ana@example.org,Ana,Acme,Europe/Lisbon
                bo@example.org,Bo,"Bo, Inc.",
                ,,,
                ANA@example.org,Ana again,Acme,
                cy@bücher.example,Cy,"Cy ""the"" Co",Asia/Tokyo
                dee@example.org,Dee,"Dee Co",
                eve@example.org,Eve,Eve Co,
                Bo@Example.org,Bo2,x,
                fay@example.org,Fay,Fay Co,America/New_York
                """);
        RecipientsHash hash = new RecipientsHash();
        RecipientsCsv.open(csv).forEachRemaining(hash::add);

        // Written by version 1 of a campaign queued from this file before rows were streamed.
        assertThat(hash.value()).isEqualTo("7a200e682e8745105d8c18c7740f446ff0a933c5e71da64640a176558e75ae2d");
        Map<String, String> byKey = new TreeMap<>();
        RecipientsCsv.read(csv).recipients().forEach(r -> byKey.put(r.key(), Fingerprint.row(r.fields())));
        assertThat(hash.value()).isEqualTo(Fingerprint.overall(byKey));
    }
}
