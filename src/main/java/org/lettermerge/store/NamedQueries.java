package org.lettermerge.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** SQL kept in a resource file, one statement per {@code -- name: x} block, instead of strings in code. */
final class NamedQueries {

    private final Map<String, String> byName;

    private NamedQueries(Map<String, String> byName) {
        this.byName = byName;
    }

    static NamedQueries load(String resource) {
        try (InputStream in = NamedQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new NamedQueries(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> parse(String text) {
        Map<String, String> queries = new HashMap<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-- name:")) {
                if (name != null) {
                    queries.put(name, sql.toString().strip());
                }
                name = trimmed.substring("-- name:".length()).strip();
                sql.setLength(0);
            } else if (name != null && !trimmed.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            queries.put(name, sql.toString().strip());
        }
        return Map.copyOf(queries);
    }

    String get(String name) {
        String sql = byName.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("no query named " + name);
        }
        return sql;
    }
}
