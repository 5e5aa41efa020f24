package org.lettermerge.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lettermerge.template.Letter;

class TestCopyTest {

    private static final Letter LETTER = new Letter("Justice for survivors", "Dear Ms. O'Brien,\n\nWe write…\n",
            "<html><body class=\"letter\"><p>Dear Ms. O'Brien,</p></body></html>", "Siobhán O'Brien");

    @Test
    void the_subject_says_test_and_the_first_line_says_whose_letter_it_is() {
        Letter copy = TestCopy.of(LETTER, "Siobhán O'Brien <s.obrien@example.org>", "me@example.org");

        assertThat(copy.subject()).isEqualTo("[TEST] Justice for survivors");
        assertThat(copy.text()).startsWith("TEST COPY of the letter to Siobhán O'Brien <s.obrien@example.org>. It was "
                + "sent only to me@example.org; the recipient has not received anything.\n\nDear Ms. O'Brien,");
        assertThat(copy.toName()).isEqualTo("Siobhán O'Brien");
    }

    @Test
    void in_html_the_line_is_the_first_paragraph_of_the_body_with_the_address_escaped() {
        Letter copy = TestCopy.of(LETTER, "O'Brien & Partners <legal@example.org>", "me@example.org");

        assertThat(copy.html()).startsWith("<html><body class=\"letter\">\n<p><strong>TEST COPY of the letter to "
                + "O'Brien &amp; Partners &lt;legal@example.org&gt;.")
                .endsWith("<p>Dear Ms. O'Brien,</p></body></html>");
    }

    @Test
    void a_letter_without_html_stays_without_html() {
        Letter plain = new Letter("Subject", "Text", null, null);

        assertThat(TestCopy.of(plain, "<a@example.org>", "me@example.org").html()).isNull();
    }
}
