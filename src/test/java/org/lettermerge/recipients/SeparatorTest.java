package org.lettermerge.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeparatorTest {

    @Test
    void a_header_separated_by_commas_is_read_with_commas() {
        assertThat(Separator.detect("email,name,organization\na@x.org;b;c\n")).isEqualTo(Separator.COMMA);
    }

    @Test
    void excel_in_a_european_locale_separates_by_semicolons() {
        assertThat(Separator.detect("email;name;organization\r\na@x.org;Ana, Dr;Org\r\n"))
                .isEqualTo(Separator.SEMICOLON);
    }

    @Test
    void a_google_sheets_tsv_separates_by_tabs() {
        assertThat(Separator.detect("email\tname\torganization\n")).isEqualTo(Separator.TAB);
    }

    @Test
    void separators_inside_a_quoted_column_name_do_not_count() {
        assertThat(Separator.detect("\"email, primary\";\"name, full\";x\n")).isEqualTo(Separator.SEMICOLON);
        assertThat(Separator.detect("email,\"name; as; written\"\n")).isEqualTo(Separator.COMMA);
    }

    @Test
    void only_the_header_line_decides_not_the_values_below_it() {
        assertThat(Separator.detect("email,name\na@x.org;b;c;d;e\n")).isEqualTo(Separator.COMMA);
    }

    @Test
    void a_single_column_or_a_tie_is_read_with_commas() {
        assertThat(Separator.detect("email\na@x.org\n")).isEqualTo(Separator.COMMA);
        assertThat(Separator.detect("a;b,c\n")).isEqualTo(Separator.COMMA);
    }

    @Test
    void check_names_the_separator_in_words() {
        assertThat(Separator.SEMICOLON.described()).isEqualTo("semicolons (;)");
        assertThat(Separator.TAB.one()).isEqualTo("a tab");
    }
}
