package org.lettermerge.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.MustacheVisitor;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compiles one template: strict names, located codes, partials from one directory, escaping by part. */
final class LetterMustacheFactory extends DefaultMustacheFactory {

    enum Escaping {
        /** Plain text, subject, display name: "O'Brien & Co" must stay as written. */
        NONE,
        /** The HTML part: Mustache's default escaping. */
        HTML
    }

    private static final String EXTENSION = ".mustache";

    private final Path partialsDir;
    private final Escaping escaping;

    LetterMustacheFactory(Path partialsDir, Escaping escaping) {
        this.partialsDir = partialsDir == null ? null : partialsDir.toAbsolutePath().normalize();
        this.escaping = escaping;
        setObjectHandler(new StrictObjectHandler());
    }

    @Override
    public void encode(String value, Writer writer) {
        if (escaping == Escaping.HTML) {
            super.encode(value, writer);
            return;
        }
        try {
            writer.write(value);
        } catch (IOException e) {
            throw new MustacheException("Failed to write value", e);
        }
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
        return new LocatedCodes.Visitor(this);
    }

    // Partials are looked up by the name written in the tag, in one directory, whatever the including template is called.
    @Override
    public String resolvePartialPath(String dir, String name, String extension) {
        return name.endsWith(EXTENSION) ? name : name + EXTENSION;
    }

    @Override
    public Reader getReader(String resourceName) {
        if (partialsDir == null) {
            throw new MustacheNotFoundException(resourceName + " (this template cannot include partials)");
        }
        Path file = partialsDir.resolve(resourceName).normalize();
        if (!file.startsWith(partialsDir) || !Files.isRegularFile(file)) {
            throw new MustacheNotFoundException(resourceName + " in " + partialsDir);
        }
        try {
            return new StringReader(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read partial " + file, e);
        }
    }
}
