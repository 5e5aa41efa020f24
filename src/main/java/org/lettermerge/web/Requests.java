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
        if (name == null || name.isBlank() || name.equals("all")) {
            return null;
        }
        try {
            return State.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFound("There is no such state.");
        }
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
