package org.lettermerge.template;

import java.util.Objects;

/**
 * One recipient's merged letter, ready to become a message.
 *
 * @param html   null when the campaign has no HTML template
 * @param toName the To display name; null when there is no template for it or it rendered blank
 */
public record Letter(String subject, String text, String html, String toName) {

    public Letter {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
