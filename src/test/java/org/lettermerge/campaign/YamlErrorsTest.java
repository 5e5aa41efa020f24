package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parse errors in the campaign file say what to change on the line, never the parser's event names. */
class YamlErrorsTest {

    @Test
    void anUnquotedMustacheValueIsToldToBeQuotedWithTheLineAsItShouldBe() {
        List<String> lines = List.of("name: letter", "to_name: {{name}}");

        String said = YamlErrors.explain(lines, 2, "Expected a field name (Scalar value in YAML), got this instead: "
                + "<org.yaml.snakeyaml.events.MappingStartEvent(anchor=null, tag=null, implicit=true)>");

        assertThat(said).contains("put the value in quotes, e.g. to_name: \"{{name}}\"")
                .doesNotContain("Event").doesNotContain("snakeyaml");
    }

    @Test
    void aShiftedKeyIsAnIndentationProblemWithTwoSpacesPerLevel() {
        List<String> lines = List.of("name: x", "from:", "  name: Coalition", " email: a@b.org");

        String said = YamlErrors.explain(lines, 4, "while parsing a block mapping\n in 'reader', line 1, column 1:\n"
                + "expected <block end>, but found '<block mapping start>'");

        assertThat(said).contains("indent with spaces, two per level").doesNotContain("block end");
    }

    @Test
    void aQuotedNameFollowedByTheAddressIsToldToQuoteTheWholeValue() {
        List<String> lines = List.of("reply_to: \"Coordination, Team\" <c@example.org>");

        String said = YamlErrors.explain(lines, 1, "while parsing a block mapping\nexpected <block end>, but found"
                + " '<scalar>'");

        assertThat(said).endsWith("e.g. reply_to: '\"Coordination, Team\" <c@example.org>'");
    }

    @Test
    void aTabInTheIndentationIsNamed() {
        List<String> lines = List.of("from:", "\temail: a@b.org");

        String said = YamlErrors.explain(lines, 2, "while scanning for the next token\nfound character '\\t(TAB)' "
                + "that cannot start any token");

        assertThat(said).startsWith("a tab in the indentation").contains("two per level");
        assertThat(YamlErrors.line(lines, 1, "found character '\\t(TAB)'")).isEqualTo(2);
    }

    @Test
    void aFileInAnotherEncodingIsToldToBeSavedAsUtf8() {
        String said = YamlErrors.explain(List.of("x"), 1, "java.io.CharConversionException: Invalid UTF-8 middle byte");

        assertThat(said).isEqualTo("the file is not UTF-8 text: save it as UTF-8 (in a text editor: Save As, encoding UTF-8)");
    }

    @Test
    void anythingElseKeepsThePlainFirstLineWithoutParserClassNames() {
        String said = YamlErrors.explain(List.of("a: 'x"), 1, "something odd <org.yaml.snakeyaml.tokens.KeyToken> here");

        assertThat(said).startsWith("this line is not valid YAML (something odd here)").doesNotContain("org.yaml");
    }
}
