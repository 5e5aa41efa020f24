package org.lettermerge.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What names mean at one point of a template, mirroring {@link StrictObjectHandler} without rendering:
 * at top level the recipient's columns and the data; inside a section over a list or map, only the item's keys.
 */
sealed interface Frame {

    /** The values a name can take here (one per item), or why it has none. */
    sealed interface Lookup permits Found, Missing {
    }

    record Found(List<Object> values) implements Lookup {
    }

    record Missing(String reason) implements Lookup {
    }

    Lookup resolve(String name);

    /** The frame inside {@code {{#name}}}: a list or map starts a new one; a scalar is only a guard. */
    default Frame enter(String name, List<Object> values) {
        List<Object> items = new ArrayList<>();
        boolean container = false;
        for (Object value : values) {
            if (value instanceof List<?> list) {
                items.addAll(list);
                container = true;
            } else if (value instanceof Map<?, ?>) {
                items.add(value);
                container = true;
            }
        }
        return container ? new Items(name, items) : this;
    }

    record Root(Set<String> columns, Map<String, Object> data) implements Frame {
        @Override
        public Lookup resolve(String name) {
            String first = Names.first(name);
            if (columns.contains(first)) {
                return first.equals(name) ? new Found(List.of(""))
                        : new Missing("'" + first + "' is a recipient column, a plain value with nothing inside it");
            }
            if (data.containsKey(first)) {
                Object value = Names.resolve(data, name);
                return value != null ? new Found(List.of(value))
                        : new Missing("the data '" + first + "' has nothing at '" + name + "'");
            }
            return new Missing("it is neither a recipient column " + columns + " nor a data name " + data.keySet());
        }
    }

    /** Inside a section over a list or map: names never fall back to the recipient. */
    record Items(String section, List<Object> items) implements Frame {
        @Override
        public Lookup resolve(String name) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                if (!(item instanceof Map<?, ?> map)) {
                    return new Missing("the items of '" + section + "' are plain values: write {{.}}");
                }
                Object value = Names.resolve(map, name);
                if (value == null) {
                    return new Missing("item " + (i + 1) + " of '" + section + "' has no '" + name + "' (keys: "
                            + map.keySet() + "); inside a section names never fall back to the recipient");
                }
                values.add(value);
            }
            return new Found(values);
        }
    }
}
