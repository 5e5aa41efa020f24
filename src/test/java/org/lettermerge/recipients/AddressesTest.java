package org.lettermerge.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.AddressException;
import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void a_bare_address_parses_unchanged() throws AddressException {
        assertThat(Addresses.parseStrict("Ana.Silva+news@Example.org").getAddress())
                .isEqualTo("Ana.Silva+news@Example.org");
    }

    @Test
    void display_names_lists_and_comments_are_refused() {
        for (String raw : new String[] {"Ana <a@x.org>", "<a@x.org>", "a@x.org, b@x.org", "a@x.org (Ana)", "g: a@x.org;"}) {
            assertThatThrownBy(() -> Addresses.parseStrict(raw)).as(raw).isInstanceOf(AddressException.class);
        }
    }

    @Test
    void a_name_with_the_address_is_told_to_go_in_its_own_column() {
        assertThatThrownBy(() -> Addresses.parseStrict("Ana Silva <ana@example.org>"))
                .hasMessageStartingWith("a name and <address> together: the email column holds only the address: put"
                        + " the name in its own column");
    }

    @Test
    void a_domain_without_a_dot_is_refused_with_what_is_missing() {
        assertThatThrownBy(() -> Addresses.parseStrict("j.garcia@cancilleria"))
                .hasMessageStartingWith("the domain 'cancilleria' has no dot");
    }

    @Test
    void invisible_spaces_are_named_as_such() {
        assertThatThrownBy(() -> Addresses.parseStrict("ana@example.org\u00A0"))
                .hasMessageStartingWith("the address contains a non-breaking space");
        assertThatThrownBy(() -> Addresses.parseStrict("ana\u200B@example.org"))
                .hasMessageStartingWith("the address contains an invisible zero-width character");
        assertThatThrownBy(() -> Addresses.parseStrict("ana @example.org"))
                .hasMessageStartingWith("the address contains a space");
    }

    @Test
    void the_parsers_own_words_never_reach_the_user() {
        for (String raw : new String[] {"a;b@x.org", "a\"b@x.org", "a@x..org", "ana@ex(ample.org", "a@x.org>"}) {
            assertThatThrownBy(() -> Addresses.parseStrict(raw)).as(raw)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Illegal").doesNotContain("Local address")
                            .doesNotContain("Domain contains"));
        }
    }

    @Test
    void a_header_injection_attempt_is_refused() {
        assertThatThrownBy(() -> Addresses.parseStrict("a@x.org\r\nBcc: evil@x.org"))
                .isInstanceOf(AddressException.class)
                .hasMessageContaining("control character");
    }

    @Test
    void control_characters_include_unicode_line_separators() {
        assertThat(Addresses.hasControlCharacters("a\u2028b")).isTrue();
        assertThat(Addresses.hasControlCharacters("a\u0085b")).isTrue();
        assertThat(Addresses.hasControlCharacters("a\tb")).isTrue();
        assertThat(Addresses.hasControlCharacters("a\u007Fb")).isTrue();
        assertThat(Addresses.hasControlCharacters("Réseau Equitas Côte d’Ivoire 山田 مريم")).isFalse();
    }

    @Test
    void the_domain_is_what_follows_the_last_at_sign() {
        assertThat(Addresses.domainOf("\"a@b\"@x.org")).isEqualTo("x.org");
        assertThatThrownBy(() -> Addresses.domainOf("nobody")).isInstanceOf(IllegalArgumentException.class);
    }
}
