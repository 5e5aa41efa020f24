package org.lettermerge.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message-IDs ({@code <left@right>}, RFC 5322 3.6.4) found in a header value or a text, in order. */
final class MessageIdList {

    private static final Pattern ID = Pattern.compile("<[^<>\\s@]+@[^<>\\s@]+>");

    private MessageIdList() {}

    /**
     * Kept as written, so what Lettermerge prints is what a server's log holds; a repeat in another case is left out.
     * Lookups compare ignoring case (store/queries.sql): some mail systems change the case of what they quote.
     */
    static List<String> parse(String text) {
        List<String> ids = new ArrayList<>();
        if (text == null) {
            return ids;
        }
        Matcher m = ID.matcher(text);
        while (m.find()) {
            String id = m.group();
            if (ids.stream().noneMatch(id::equalsIgnoreCase)) {
                ids.add(id);
            }
        }
        return ids;
    }
}
