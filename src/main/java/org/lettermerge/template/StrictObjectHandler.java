package org.lettermerge.template;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.Iteration;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks names up only in maps, only in the innermost one, and throws when a name is missing.
 * Mustache's default falls back to outer scopes (a signatory without "name" would print the recipient's name)
 * and renders a missing name as nothing ("Dear ,").
 */
final class StrictObjectHandler extends ReflectionObjectHandler {

    /** A list element that is not a map: only {{.}} may use it, and names inside must not reach outer scopes. */
    record PlainItem(Object value) {
    }

    @Override
    public Binding createBinding(String name, TemplateContext tc, Code code) {
        String where = tc.file() + ":" + tc.line();
        return scopes -> lookup(name, where, scopes);
    }

    private static Object lookup(String name, String where, List<Object> scopes) {
        // A truthy guard such as {{#title}} pushes the String itself: skip it, names still mean the row's columns.
        for (int i = scopes.size() - 1; i >= 0; i--) {
            Object scope = scopes.get(i);
            if (scope instanceof PlainItem) {
                throw new MissingValueException(name, where, "the items of this section are plain values: write {{.}}");
            }
            if (scope instanceof Map<?, ?> map) {
                Object value = Names.resolve(map, name);
                if (value == null) {
                    throw new MissingValueException(name, where, i == 0
                            ? "it is neither a recipient column nor a data name"
                            : "the item of this section has no such name (keys: " + map.keySet() + ")");
                }
                return value;
            }
        }
        throw new MissingValueException(name, where, "there is nothing to look it up in");
    }

    /**
     * A section over a list (campaign data such as the 121 signatories) renders the same text for every recipient:
     * inside it names resolve only in the item, never in the recipient's row. So it is rendered once per section
     * and list, and written from memory for every later letter — it was a quarter of the cost of a letter.
     */
    @Override
    public Writer iterate(Iteration iteration, Writer writer, Object object, List<Object> scopes) {
        if (object instanceof Iterable<?> items) {
            String rendered = sections.computeIfAbsent(new SectionOfList(iteration, items), key -> {
                Writer out = new StringWriter();
                for (Object item : items) {
                    out = iteration.next(out, item instanceof Map ? item : new PlainItem(item), scopes);
                }
                return out.toString();
            });
            try {
                writer.write(rendered);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return writer;
        }
        return super.iterate(iteration, writer, object, scopes);
    }

    private final Map<SectionOfList, String> sections = new ConcurrentHashMap<>();

    /** A section and the list it iterates, both by identity: the same list object always renders the same. */
    private static final class SectionOfList {
        private final Iteration section;
        private final Object list;

        SectionOfList(Iteration section, Object list) {
            this.section = section;
            this.list = list;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SectionOfList o && o.section == section && o.list == list;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(section) + System.identityHashCode(list);
        }
    }

    @Override
    public String stringify(Object object) {
        return object instanceof PlainItem item ? String.valueOf(item.value()) : super.stringify(object);
    }
}
