package org.lettermerge.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who may use the dashboard. Another user of the same machine can reach a port on 127.0.0.1 too, so a page is shown
 * only to a browser holding a session, which only the one-time sign-in token printed by {@code serve} gives; a page
 * on another site cannot drive the dashboard through the browser (DNS rebinding, forged forms), because the Host
 * must be this server's own name and every change is a POST from this origin carrying the session's form token.
 */
final class Gate {

    /** After this many wrong tokens nobody can sign in until serve restarts: guessing stops being possible. */
    static final int MAX_FAILED_SIGN_INS = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] signInToken;
    private final AtomicBoolean tokenUsed = new AtomicBoolean();
    private final AtomicInteger failures = new AtomicInteger();
    /** Session id → the session's form token. */
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Set<String> hosts;

    Gate(String token, int port) {
        this.signInToken = token.getBytes(StandardCharsets.US_ASCII);
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    }

    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the request names this server (a rebinding page names its own domain). */
    boolean ownHost(String host) {
        return host != null && hosts.contains(host.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether a POST comes from a page of this server: its Origin, or without one its Referer. */
    boolean sameOrigin(String origin, String referer) {
        if (origin != null) {
            return origin.startsWith("http://") && ownHost(origin.substring("http://".length()));
        }
        if (referer != null && referer.startsWith("http://")) {
            String rest = referer.substring("http://".length());
            int slash = rest.indexOf('/');
            return ownHost(slash < 0 ? rest : rest.substring(0, slash));
        }
        return false;
    }

    /** A new session for the right token, once; empty for a wrong or used token, or after too many failures. */
    Optional<String> signIn(String token) {
        if (failures.get() >= MAX_FAILED_SIGN_INS || token == null) {
            failures.incrementAndGet();
            return Optional.empty();
        }
        boolean right = MessageDigest.isEqual(signInToken, token.getBytes(StandardCharsets.US_ASCII));
        if (!right || !tokenUsed.compareAndSet(false, true)) {
            failures.incrementAndGet();
            return Optional.empty();
        }
        String session = newToken();
        sessions.put(session, newToken());
        return Optional.of(session);
    }

    /** The session's form token, if {@code session} is one. */
    Optional<String> formToken(String session) {
        return session == null ? Optional.empty() : Optional.ofNullable(sessions.get(session));
    }

    /** Whether a form's token is the session's own, compared in constant time. */
    boolean formTokenMatches(String session, String given) {
        String expected = session == null ? null : sessions.get(session);
        return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
