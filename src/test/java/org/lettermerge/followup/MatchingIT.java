package org.lettermerge.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignVersion;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.NewRecipient;
import org.lettermerge.store.RecipientRef;

/** Matching a message to its letter, against a real log file; the letter's subject is "A letter for NAME". */
class MatchingIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir Path dir;
    private DeliveryLog log;
    private CampaignRecord campaign;
    private Matching matching;

    @BeforeEach
    void twoLettersWentOut() {
        log = DeliveryLog.openOrCreate(dir.resolve("log.db"), CLOCK);
        campaign = log.createCampaign("c", "/campaigns/c.yaml",
                new CampaignVersion(1, "content", Map.of("subject", "s"), "rows", null), List.of(
                        row("ana@example.org", "Ana", Map.of("aliases", "ana.perso@example.net; a.b@example.com"), 2),
                        row("bea@example.org", "Bea", Map.of(), 3)));
        LetterSubjects subjects = r -> Optional.of("A letter for " + (r.email().startsWith("ana") ? "Ana" : "Bea"));
        matching = new Matching(log.inbox(), campaign, subjects);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void aReplyThatLostItsHeadersIsMatchedBySenderAndSubject() {
        assertThat(matching.find(mail("Bea@Example.org", "AW: Re: A letter for Bea")))
                .map(m -> m.recipient().email() + " by " + m.by()).hasValue("bea@example.org by sender and subject");
    }

    @Test
    void aReplyFromAnAliasInTheCsvIsMatchedToItsRecipient() {
        assertThat(matching.find(mail("ana.perso@example.net", "Réf : A letter for Ana")))
                .map(m -> m.recipient().email()).hasValue("ana@example.org");
    }

    @Test
    void theSubjectOfAnotherRecipientsLetterOrAForwardOrAStrangerIsNotAReply() {
        assertThat(matching.find(mail("bea@example.org", "Re: A letter for Ana"))).isEmpty();
        assertThat(matching.find(mail("bea@example.org", "Fwd: A letter for Bea"))).isEmpty();
        assertThat(matching.find(mail("bea@example.org", "A letter for Bea"))).isEmpty();
        assertThat(matching.find(mail("someone@elsewhere.example", "Re: A letter for Bea"))).isEmpty();
    }

    private static NewRecipient row(String email, String name, Map<String, String> extra, int line) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("email", email, "name", name));
        fields.putAll(extra);
        return new NewRecipient(email, email, name, fields, "hash-" + email, line,
                "<" + line + "." + email + "@test.lettermerge>");
    }

    private static IncomingMail mail(String from, String subject) {
        return new IncomingMail("<m-" + subject.hashCode() + "@example.net>", from, subject,
                Instant.parse("2026-03-02T10:00:00Z"), List.of(), List.of(), false, "Thank you.", null, List.of());
    }
}
