package org.lettermerge.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.ValueCode;

/**
 * Mustache.java keeps each code's template and line in a protected field. These subclasses expose it,
 * so the variable check can say "letter.txt.mustache:3" without reflection.
 */
final class LocatedCodes {

    private LocatedCodes() {
    }

    interface Located {
        TemplateContext context();

        default String where() {
            return context().file() + ":" + context().line();
        }
    }

    static final class Visitor extends DefaultMustacheVisitor {
        Visitor(DefaultMustacheFactory factory) {
            super(factory);
        }

        @Override
        public void value(TemplateContext tc, String variable, boolean encoded) {
            list.add(new Value(tc, df, variable, encoded));
        }

        @Override
        public void iterable(TemplateContext tc, String variable, Mustache body) {
            list.add(new Section(tc, df, body, variable));
        }

        @Override
        public void notIterable(TemplateContext tc, String variable, Mustache body) {
            list.add(new InvertedSection(tc, df, body, variable));
        }
    }

    static final class Value extends ValueCode implements Located {
        Value(TemplateContext tc, DefaultMustacheFactory df, String variable, boolean encoded) {
            super(tc, df, variable, encoded);
        }

        @Override
        public TemplateContext context() {
            return tc;
        }
    }

    static final class Section extends IterableCode implements Located {
        Section(TemplateContext tc, DefaultMustacheFactory df, Mustache body, String variable) {
            super(tc, df, body, variable);
        }

        @Override
        public TemplateContext context() {
            return tc;
        }
    }

    static final class InvertedSection extends NotIterableCode implements Located {
        InvertedSection(TemplateContext tc, DefaultMustacheFactory df, Mustache body, String variable) {
            super(tc, df, body, variable);
        }

        @Override
        public TemplateContext context() {
            return tc;
        }
    }
}
