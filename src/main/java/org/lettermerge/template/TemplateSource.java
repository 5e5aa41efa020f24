package org.lettermerge.template;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The text of one template and where it came from.
 *
 * @param name        how errors name it: "templates/letter.txt.mustache" or "campaign.yaml: subject"
 * @param partialsDir where {@code {{> footer}}} finds footer.mustache; null when partials are not allowed
 */
public record TemplateSource(String name, String text, Path partialsDir) {

    public TemplateSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    public static TemplateSource of(String name, String text) {
        return new TemplateSource(name, text, null);
    }
}
