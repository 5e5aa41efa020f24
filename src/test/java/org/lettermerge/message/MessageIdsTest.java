package org.lettermerge.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void ids_are_unique_angle_bracketed_and_under_the_ascii_lowercase_domain() {
        String first = MessageIds.next("Bücher.Example");
        String second = MessageIds.next("Bücher.Example");

        assertThat(first).matches("<[0-9a-f-]{36}@xn--bcher-kva\\.example>");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void the_domain_comes_from_the_sender_address() throws Exception {
        assertThat(MessageIds.domainOf(new InternetAddress("Office <office@equitas.example>")))
                .isEqualTo("equitas.example");
    }
}
