package org.lettermerge.store;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A row's fields as the log keeps them (JSON), made a map only when first used. Queuing a campaign again reads every
 * row of it but looks at the fields of only the rows that changed: at 100,000 rows their maps were most of the heap.
 * A field store that cannot be read is reported when it is used, as a {@link DeliveryLogException}.
 */
final class JsonFields extends AbstractMap<String, String> {

    private final String json;
    private final Function<String, Map<String, String>> parse;
    // Read by any thread that holds the row; two threads parsing at once get equal maps.
    private volatile Map<String, String> map;

    JsonFields(String json, Function<String, Map<String, String>> parse) {
        this.json = json;
        this.parse = parse;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return parsed().entrySet();
    }

    @Override
    public String get(Object key) {
        return parsed().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return parsed().containsKey(key);
    }

    @Override
    public int size() {
        return parsed().size();
    }

    private Map<String, String> parsed() {
        Map<String, String> m = map;
        if (m == null) {
            m = Collections.unmodifiableMap(parse.apply(json));
            map = m;
        }
        return m;
    }
}
