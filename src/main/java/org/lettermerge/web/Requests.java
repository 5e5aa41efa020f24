package org.lettermerge.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.lettermerge.store.State;

/** What the dashboard reads from a request: its session cookie, query or form fields, numbers and states. */
final class Requests {

    static final String SESSION = "lettermerge_session";

    private Requests() {}

    static String cookie(Request request) {
        for (String header : request.getHeaders().getValuesList(HttpHeader.COOKIE)) {
            for (String part : header.split(";")) {
                String[] kv = part.strip().split("=", 2);
                if (kv.length == 2 && kv[0].equals(SESSION)) {
                    return kv[1];
                }
            }
        }
        return null;
    }

    /** A whole number a request names (a log, a row id, a cursor); 0 when absent. */
    static long number(String text) {
        try {
            return text == null || text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFound("No such page.");
        }
    }

    /** The state a filter names, as status shows states; null for none or "all". */
    static State state(String name) {
        return optional(name, State.class, "all", "state");
    }

    /**
     * The choice a field names among {@code type}'s constants, written in lower case with '-' for '_'
     * ("auto-reply"); null when the field is absent, blank or {@code none} (the menu's "any").
     *
     * @param what the kind of choice, for the 404 a made-up value gets ("There is no such state.")
     */
    static <E extends Enum<E>> E optional(String value, Class<E> type, String none, String what) {
        if (value == null || value.isBlank() || value.equals(none)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new NotFound("There is no such " + what + ".");
        }
    }

    /** As {@link #optional}, for a field that must name one: absent is as unknown. */
    static <E extends Enum<E>> E required(String value, Class<E> type, String what) {
        E choice = optional(value, type, null, what);
        if (choice == null) {
            throw new NotFound("There is no such " + what + ".");
        }
        return choice;
    }

    static Map<String, String> fields(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }
}
