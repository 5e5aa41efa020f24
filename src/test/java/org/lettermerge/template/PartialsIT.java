package org.lettermerge.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Recipient;

class PartialsIT {

    @TempDir
    Path dir;

    private LetterTemplates withText(String text) {
        return LetterTemplates.compile(TemplateSource.of("subject", "Hi"),
                new TemplateSource("letter.txt.mustache", text, dir), null, null);
    }

    @Test
    void a_partial_renders_and_its_missing_names_are_reported_at_its_own_line() throws IOException {
        Files.writeString(dir.resolve("footer.mustache"), "--\n{{sender}}\n{{sender_phone}}\n");
        LetterTemplates templates = withText("Dear {{name}},\n{{> footer}}");

        assertThat(templates.checkVariables(List.of("email", "name"), Map.of("sender", "Equitas")))
                .singleElement().satisfies(p -> {
                    assertThat(p.where()).isEqualTo("footer.mustache:3");
                    assertThat(p.message()).startsWith("'sender_phone' has no value");
                });
        Recipient ana = new Recipient(Path.of("r.csv"), 2, "a@x.org", Map.of("email", "a@x.org", "name", "Ana"));
        assertThat(templates.render(ana, Map.of("sender", "Equitas", "sender_phone", "+33 1")).text())
                .isEqualTo("Dear Ana,\n--\nEquitas\n+33 1\n");
    }

    @Test
    void a_missing_partial_is_a_compile_error() {
        assertThatThrownBy(() -> withText("{{> nowhere}}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nowhere.mustache");
    }

    @Test
    void a_template_without_a_partials_directory_cannot_include_one() throws IOException {
        Files.writeString(dir.resolve("footer.mustache"), "x");

        assertThatThrownBy(() -> LetterTemplates.compile(TemplateSource.of("subject", "Hi"),
                TemplateSource.of("letter.txt", "{{> footer}}"), null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot include partials");
    }
}
