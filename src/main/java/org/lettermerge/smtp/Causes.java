package org.lettermerge.smtp;

import java.util.ArrayList;
import java.util.List;

/** The cause chain of an exception (Jakarta Mail's "next exception" is its cause), guarded against cycles. */
final class Causes {

    private Causes() {
    }

    static List<Throwable> of(Throwable top) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = top; t != null && !chain.contains(t) && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    static <T extends Throwable> T first(Throwable top, Class<T> type) {
        return of(top).stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    static boolean any(Throwable top, Class<? extends Throwable> type) {
        return first(top, type) != null;
    }

    static boolean mentions(Throwable top, String words) {
        return of(top).stream().anyMatch(t -> t.getMessage() != null && t.getMessage().contains(words));
    }
}
