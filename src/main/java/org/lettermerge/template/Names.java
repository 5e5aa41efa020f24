package org.lettermerge.template;

import java.util.Map;

/** Dotted names ("letter.date") walk nested maps, the same way when checking and when rendering. */
final class Names {

    private Names() {
    }

    /** The value, or null when any step is missing, null, or not a map. */
    static Object resolve(Object scope, String dottedName) {
        Object value = scope;
        for (String step : dottedName.split("\\.", -1)) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        return value;
    }

    static String first(String dottedName) {
        int dot = dottedName.indexOf('.');
        return dot < 0 ? dottedName : dottedName.substring(0, dot);
    }
}
