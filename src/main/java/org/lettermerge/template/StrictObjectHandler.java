package org.lettermerge.template;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.Iteration;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import java.io.Writer;
import java.util.List;
import java.util.Map;

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

    @Override
    public Writer iterate(Iteration iteration, Writer writer, Object object, List<Object> scopes) {
        if (object instanceof Iterable<?> items) {
            for (Object item : items) {
                writer = iteration.next(writer, item instanceof Map ? item : new PlainItem(item), scopes);
            }
            return writer;
        }
        return super.iterate(iteration, writer, object, scopes);
    }

    @Override
    public String stringify(Object object) {
        return object instanceof PlainItem item ? String.valueOf(item.value()) : super.stringify(object);
    }
}
