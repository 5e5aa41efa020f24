package org.lettermerge.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Recipient;

class LetterTemplatesTest {

    private static final List<String> COLUMNS = List.of("email", "name", "title");

    private static LetterTemplates templates(String subject, String text) {
        return LetterTemplates.compile(TemplateSource.of("campaign.yaml: subject", subject),
                TemplateSource.of("letter.txt.mustache", text), null, null);
    }

    private static Recipient recipient(String name, String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", "a@x.org");
        fields.put("name", name);
        fields.put("title", title);
        return new Recipient(Path.of("recipients.csv"), 7, "a@x.org", fields);
    }

    @Test
    void every_missing_name_is_listed_with_its_template_and_line() {
        LetterTemplates templates = templates("Hello {{nmae}}", """
                Dear {{name}},

                {{greting}} from {{org.city}}.
                {{#signatories}}{{name}}{{/signatories}}
                """);

        List<Problem> problems = templates.checkVariables(COLUMNS, Map.of("org", Map.of("name", "Equitas")));

        assertThat(problems).extracting(Problem::where).containsExactly(
                "campaign.yaml: subject:1", "letter.txt.mustache:3", "letter.txt.mustache:3", "letter.txt.mustache:4");
        assertThat(problems).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("'nmae' has no value"),
                m -> assertThat(m).startsWith("'greting' has no value"),
                m -> assertThat(m).startsWith("'org.city' has no value").contains("'org'"),
                m -> assertThat(m).startsWith("'signatories' has no value"));
    }

    @Test
    void names_that_exist_as_columns_data_or_nested_data_pass() {
        LetterTemplates templates = templates("{{title}} {{name}}", """
                {{letter.date}} {{campaign}}
                {{#title}}{{title}} {{/title}}{{name}}
                {{#signatories}}{{name}}, {{role}}{{/signatories}}
                {{#tags}}{{.}}{{/tags}}{{^tags}}none{{/tags}}
                """);
        Map<String, Object> data = Map.of(
                "letter", Map.of("date", "1 May"), "campaign", "Spring",
                "signatories", List.of(Map.of("name", "Dr Okafor", "role", "Chair")),
                "tags", List.of("a", "b"));

        assertThat(templates.checkVariables(COLUMNS, data)).isEmpty();
    }

    @Test
    void a_section_item_lacking_a_name_is_reported_and_never_takes_the_recipients_value() {
        LetterTemplates templates = templates("Hi", "{{#signatories}}{{name}} ({{role}})\n{{/signatories}}");
        Map<String, Object> data = Map.of("signatories", List.of(
                Map.of("name", "Dr Okafor", "role", "Chair"),
                Map.of("role", "Treasurer")));

        assertThat(templates.checkVariables(COLUMNS, data)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("letter.txt.mustache:1");
            assertThat(p.message()).contains("'name'", "item 2 of 'signatories'", "never fall back");
        });
        assertThatThrownBy(() -> templates.render(recipient("Ana", ""), data))
                .isInstanceOf(MissingValueException.class)
                .hasMessageContaining("letter.txt.mustache:1")
                .hasMessageContaining("'name'")
                .hasMessageNotContaining("Ana");
    }

    @Test
    void a_name_that_is_both_a_column_and_data_is_an_error() {
        LetterTemplates templates = templates("Hi", "{{name}}");

        assertThat(templates.checkVariables(COLUMNS, Map.of("name", "x"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("both a recipient column and a data name"));
    }

    @Test
    void a_missing_name_at_render_time_throws_instead_of_printing_nothing() {
        LetterTemplates templates = templates("Hi", "Dear {{firstname}},");

        assertThatThrownBy(() -> templates.render(recipient("Ana", ""), Map.of()))
                .isInstanceOfSatisfying(MissingValueException.class, e -> {
                    assertThat(e.name()).isEqualTo("firstname");
                    assertThat(e.where()).isEqualTo("letter.txt.mustache:1");
                });
    }

    @Test
    void plain_text_and_subject_are_not_escaped_but_html_is() {
        LetterTemplates templates = LetterTemplates.compile(
                TemplateSource.of("subject", "For {{name}}"), TemplateSource.of("letter.txt", "Dear {{name}},\n"),
                TemplateSource.of("letter.html", "<p>Dear {{name}},</p>"), TemplateSource.of("to", "{{name}}"));

        Letter letter = templates.render(recipient("O'Brien & Co <x>", ""), Map.of());

        assertThat(letter.subject()).isEqualTo("For O'Brien & Co <x>");
        assertThat(letter.text()).isEqualTo("Dear O'Brien & Co <x>,\n");
        assertThat(letter.toName()).isEqualTo("O'Brien & Co <x>");
        assertThat(letter.html()).isEqualTo("<p>Dear O&#39;Brien &amp; Co &lt;x&gt;,</p>");
    }

    @Test
    void a_list_of_121_items_renders_every_item() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i <= 121; i++) {
            rows.add(Map.of("n", Integer.toString(i)));
        }
        LetterTemplates templates = templates("Hi", "{{#items}}{{n}};{{/items}}");

        String text = templates.render(recipient("Ana", ""), Map.of("items", rows)).text();

        assertThat(text.split(";")).hasSize(121).startsWith("1", "2").endsWith("121");
    }

    @Test
    void an_empty_column_used_unconditionally_is_reported_for_the_row() {
        LetterTemplates templates = templates("Hello", "Line one\n\nDear {{name}},\n");

        assertThat(templates.checkRow(recipient(" ", ""))).singleElement().satisfies(p -> assertThat(p.toString())
                .isEqualTo("recipients.csv:7: column 'name' is empty but letter.txt.mustache:3 uses it unconditionally:"
                        + " fill it in, or wrap it as {{#name}}…{{/name}}"));
        assertThat(templates.checkRow(recipient("Ana", ""))).isEmpty();
    }

    @Test
    void an_empty_column_used_only_inside_its_own_guard_is_allowed() {
        LetterTemplates templates = templates("{{#title}}{{title}} {{/title}}{{name}}", "Dear {{#title}}{{title}} {{/title}}{{name}},");

        assertThat(templates.checkRow(recipient("Ana", ""))).isEmpty();
        assertThat(templates.render(recipient("Ana", ""), Map.of()).text()).isEqualTo("Dear Ana,");
        assertThat(templates.render(recipient("Ana", "Dr"), Map.of()).subject()).isEqualTo("Dr Ana");
    }

    @Test
    void a_section_item_name_is_not_mistaken_for_an_empty_recipient_column() {
        LetterTemplates templates = templates("Hi", "{{#signatories}}{{name}}{{/signatories}}");
        Map<String, Object> data = Map.of("signatories", List.of(Map.of("name", "Dr Okafor")));

        assertThat(templates.checkRow(recipient("", ""), data)).isEmpty();
        assertThat(templates.checkRow(recipient("", ""))).isEmpty();
    }

    @Test
    void accents_cjk_and_right_to_left_text_come_out_verbatim() {
        LetterTemplates templates = LetterTemplates.compile(TemplateSource.of("s", "{{name}} – مرحبا"),
                TemplateSource.of("t", "Chère {{name}}, 山田様 {{name}}"), TemplateSource.of("h", "<b>{{name}}</b>"), null);
        String name = "Réseau Equitas Côte d’Ivoire / 山田 太郎 / مريم الحسيني";

        Letter letter = templates.render(recipient(name, ""), Map.of());

        assertThat(letter.subject()).isEqualTo(name + " – مرحبا");
        assertThat(letter.text()).isEqualTo("Chère " + name + ", 山田様 " + name);
        assertThat(letter.html()).isEqualTo("<b>" + name + "</b>");
    }

    @Test
    void a_subject_from_yaml_loses_its_final_newline_but_a_line_break_from_a_column_is_refused() {
        LetterTemplates templates = templates("About {{title}}\n", "Hi");

        assertThat(templates.render(recipient("Ana", "rent"), Map.of()).subject()).isEqualTo("About rent");
        assertThatThrownBy(() -> templates.render(recipient("Ana", "rent\nBcc: evil@x.org"), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("recipients.csv:7")
                .hasMessageContaining("subject");
    }

    @Test
    void every_compile_error_is_reported_with_its_template_and_line() {
        assertThatThrownBy(() -> LetterTemplates.compile(TemplateSource.of("subject", "{{#a}}x"),
                TemplateSource.of("letter.txt", "line 1\n{{#b}}\n{{/c}}\n"), null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::where).satisfiesExactly(
                                w -> assertThat(w).startsWith("subject"),
                                w -> assertThat(w).startsWith("letter.txt:3")));
    }

    @Test
    void plain_list_items_render_with_a_dot_and_a_name_inside_them_never_reaches_the_recipient() {
        LetterTemplates dots = templates("Hi", "{{#tags}}[{{.}}]{{/tags}}");
        LetterTemplates names = templates("Hi", "{{#tags}}{{name}}{{/tags}}");
        Map<String, Object> data = Map.of("tags", List.of("a", "b"));

        assertThat(dots.render(recipient("Ana", ""), data).text()).isEqualTo("[a][b]");
        assertThat(names.checkVariables(COLUMNS, data)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("plain values"));
        assertThatThrownBy(() -> names.render(recipient("Ana", ""), data)).isInstanceOf(MissingValueException.class);
    }

    @Test
    void aDataSectionRendersTheSameForEveryRecipientAndFollowsTheListItIsGiven() {
        LetterTemplates t = templates("Hi", "Dear {{name}},\n{{#orgs}}- {{org}}\n{{/orgs}}");
        Map<String, Object> coalition = Map.of("orgs", List.of(Map.of("org", "Réseau Equitas"), Map.of("org", "WITNESS")));
        Map<String, Object> other = Map.of("orgs", List.of(Map.of("org", "Peace Direct")));

        assertThat(t.render(recipient("Ana", "Dr."), coalition).text())
                .isEqualTo("Dear Ana,\n- Réseau Equitas\n- WITNESS\n");
        assertThat(t.render(recipient("Bo", "Mr."), coalition).text())
                .isEqualTo("Dear Bo,\n- Réseau Equitas\n- WITNESS\n");
        assertThat(t.render(recipient("Cy", "Ms."), other).text()).isEqualTo("Dear Cy,\n- Peace Direct\n");
    }

    @Test
    void anItemLackingANameFailsEveryRenderNotOnlyTheFirst() {
        LetterTemplates t = templates("Hi", "{{#orgs}}{{org}}{{/orgs}}");
        Map<String, Object> data = Map.of("orgs", List.of(Map.of("country", "Peru")));

        assertThatThrownBy(() -> t.render(recipient("Ana", "Dr."), data)).isInstanceOf(MissingValueException.class);
        assertThatThrownBy(() -> t.render(recipient("Bo", "Mr."), data)).isInstanceOf(MissingValueException.class);
    }
}
