package org.lettermerge.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lettermerge.template.Letter;

class MessageFactoryIT {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Instant NOW = Instant.parse("2025-05-01T09:30:00Z");
    private static final String ID = "<0b8f3c2e-1111-4222-8333-944455556666@equitas.example>";

    @TempDir
    Path dir;

    private static MessageFactory factory(List<Path> attachments) throws IOException, MessagingException {
        Sender sender = new Sender(new InternetAddress("office@equitas.example", "Équipe Equitas", "UTF-8"),
                new InternetAddress("replies@equitas.example"));
        return new MessageFactory(SESSION, sender, attachments, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MimeMessage roundTrip(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes.toByteArray()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Réseau Equitas Côte d’Ivoire", "山田 太郎", "مريم الحسيني", "O'Brien, Jr.", "\"Bob\" O'Brien, Jr."})
    void names_subject_and_body_round_trip_exactly(String name) throws Exception {
        Letter letter = new Letter("Lettre pour " + name, "Chère " + name + ",\n\nMerci.\n", null, name);

        MimeMessage parsed = roundTrip(factory(List.of()).build(letter, "someone@example.org", ID));

        InternetAddress to = (InternetAddress) parsed.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo(name);
        assertThat(to.getAddress()).isEqualTo("someone@example.org");
        assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("Équipe Equitas");
        assertThat(parsed.getReplyTo()[0].toString()).isEqualTo("replies@equitas.example");
        assertThat(parsed.getSubject()).isEqualTo("Lettre pour " + name);
        assertThat(parsed.isMimeType("text/plain")).isTrue();
        assertThat(parsed.getContentType()).containsIgnoringCase("charset=UTF-8");
        // MIME text travels with CRLF line breaks (RFC 2046 4.1.1), whichever transfer encoding Angus picks.
        assertThat(parsed.getContent()).isEqualTo("Chère " + name + ",\r\n\r\nMerci.\r\n");
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(NOW);
    }

    @Test
    void our_message_id_survives_every_save() throws Exception {
        MimeMessage message = factory(List.of()).build(new Letter("Hi", "Hello", null, null), "a@x.org", ID);

        assertThat(message.getMessageID()).isEqualTo(ID);
        message.saveChanges();
        assertThat(message.getMessageID()).isEqualTo(ID);
        assertThat(roundTrip(message).getMessageID()).isEqualTo(ID);
    }

    @Test
    void an_html_letter_is_multipart_alternative_with_text_first() throws Exception {
        Letter letter = new Letter("Hi", "Dear Ana,", "<p>Dear Ana,</p>", "Ana");

        MimeMessage parsed = roundTrip(factory(List.of()).build(letter, "a@x.org", ID));

        assertThat(parsed.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) parsed.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Dear Ana,");
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Dear Ana,</p>");
    }

    @Test
    void attachments_follow_the_body_with_their_file_names_and_types() throws Exception {
        Path pdf = Files.write(dir.resolve("Convention signée.pdf"), new byte[] {'%', 'P', 'D', 'F', 0, 1, 2});
        Path other = Files.writeString(dir.resolve("notes.xyz"), "n");
        Letter letter = new Letter("Hi", "See attached.", "<p>See attached.</p>", null);

        MimeMessage parsed = roundTrip(factory(List.of(pdf, other)).build(letter, "a@x.org", ID));

        assertThat(parsed.isMimeType("multipart/mixed")).isTrue();
        Multipart mixed = (Multipart) parsed.getContent();
        assertThat(mixed.getCount()).isEqualTo(3);
        assertThat(mixed.getBodyPart(0).isMimeType("multipart/alternative")).isTrue();
        Part attached = mixed.getBodyPart(1);
        assertThat(attached.getFileName()).isEqualTo("Convention signée.pdf");
        assertThat(attached.isMimeType("application/pdf")).isTrue();
        assertThat(Part.ATTACHMENT).isEqualToIgnoringCase(attached.getDisposition());
        assertThat(attached.getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(pdf));
        assertThat(mixed.getBodyPart(2).isMimeType("application/octet-stream")).isTrue();
        assertThat(mixed.getBodyPart(2).getFileName()).isEqualTo("notes.xyz");
    }

    @Test
    void a_to_name_smuggling_a_header_is_refused() throws Exception {
        MessageFactory factory = factory(List.of());
        Letter letter = new Letter("Hi", "Hello", null, "Ana\r\nBcc: evil@x.org");

        assertThatThrownBy(() -> factory.build(letter, "a@x.org", ID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> factory.build(new Letter("Hi\nBcc: evil@x.org", "x", null, null), "a@x.org", ID))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> factory.build(new Letter("Hi", "x", null, null), "a@x.org\r\nBcc: evil@x.org", ID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whereTheServerAllowsEightBitTheTextTravelsAsItIsAndRoundTrips() throws Exception {
        String body = "Chère مريم الحسيني, 山田 太郎,\n\nRéseau Equitas Côte d’Ivoire\n";
        Letter letter = new Letter("Hi", body, "<p>" + body + "</p>", "مريم الحسيني");

        MimeMessage sent = factory(List.of()).build(letter, "m@x.org", ID, MessageFactory.BodyEncoding.EIGHT_BIT_ALLOWED);
        MimeMessage received = roundTrip(sent);

        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getBodyPart(0).getHeader("Content-Transfer-Encoding")).containsExactly("8bit");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo(body.replace("\n", "\r\n"));
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo(("<p>" + body + "</p>").replace("\n", "\r\n"));
    }

    @Test
    void aLineLongerThanSmtpAllowsIsEncodedEvenWhereEightBitIsAllowed() throws Exception {
        Letter letter = new Letter("Hi", "é".repeat(600) + "\n", null, null);

        MimeMessage received = roundTrip(factory(List.of()).build(letter, "a@x.org", ID,
                MessageFactory.BodyEncoding.EIGHT_BIT_ALLOWED));

        assertThat(received.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        assertThat(received.getContent()).isEqualTo("é".repeat(600) + "\r\n");
    }

    @Test
    void aReplyNamesTheThreadOldestFirstAndAnswersTheLastMessage() throws Exception {
        String first = "<first@equitas.example>";
        String reminder = "<reminder-1@equitas.example>";
        Letter letter = new Letter("Re: Lettre", "Rappel.\n", null, null);

        MimeMessage parsed = roundTrip(factory(List.of()).build(letter, "someone@example.org", ID,
                MessageFactory.BodyEncoding.SEVEN_BIT, List.of(first, reminder)));

        assertThat(parsed.getHeader("In-Reply-To", null)).isEqualTo(reminder);
        assertThat(parsed.getHeader("References", null)).isEqualTo(first + " " + reminder);
        assertThat(parsed.getMessageID()).isEqualTo(ID);
    }

    @Test
    void aNewLetterCarriesNoThreadHeaders() throws Exception {
        MimeMessage parsed = roundTrip(factory(List.of()).build(new Letter("Lettre", "Texte.\n", null, null),
                "someone@example.org", ID));

        assertThat(parsed.getHeader("In-Reply-To")).isNull();
        assertThat(parsed.getHeader("References")).isNull();
    }

    @Test
    void aThreadMessageIdWithALineBreakIsRefused() throws Exception {
        MessageFactory factory = factory(List.of());
        Letter letter = new Letter("Re: Lettre", "Rappel.\n", null, null);

        assertThatThrownBy(() -> factory.build(letter, "someone@example.org", ID, MessageFactory.BodyEncoding.SEVEN_BIT,
                List.of("<a@b>\r\nBcc: victim@example.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("References");
    }
}
