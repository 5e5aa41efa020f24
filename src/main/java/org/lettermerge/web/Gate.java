package org.lettermerge.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who may use the dashboard. Another user of the same machine can reach a port on 127.0.0.1 too, so a page is shown
 * only to a browser holding a session: the one-time sign-in token printed by {@code serve} gives one, and so does
 * the password when the dashboard is shared behind a reverse proxy. A page on another site cannot drive the
 * dashboard through the browser (DNS rebinding, forged forms): the {@link Site} checks Host and Origin, and every
 * change is a POST carrying the session's form token.
 */
final class Gate {

    /** After this many wrong tokens or passwords within {@link #LOCKOUT}, nobody can sign in until it passes. */
    static final int MAX_FAILED_SIGN_INS = 20;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Site site;
    private final byte[] signInToken;
    private final byte[] passwordDigest;
    private final Clock clock;
    private final AtomicBoolean tokenUsed = new AtomicBoolean();
    private final Deque<Instant> failures = new ArrayDeque<>();
    /** Session id → the session's form token. */
    private final Map<String, String> sessions = new ConcurrentHashMap<>();

    /** @param password the shared password, or null to sign in with the one-time token only */
    Gate(Site site, String token, String password, Clock clock) {
        this.site = site;
        this.signInToken = token.getBytes(StandardCharsets.US_ASCII);
        this.passwordDigest = password == null ? null : digest(password);
        this.clock = clock;
    }

    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Site site() {
        return site;
    }

    boolean hasPassword() {
        return passwordDigest != null;
    }

    /** A new session for the right token, once; empty for a wrong or used token, or while sign-in is locked. */
    Optional<String> signIn(String token) {
        if (locked() || token == null) {
            return failed();
        }
        boolean right = MessageDigest.isEqual(signInToken, token.getBytes(StandardCharsets.US_ASCII));
        if (!right || !tokenUsed.compareAndSet(false, true)) {
            return failed();
        }
        return Optional.of(newSession());
    }

    /** A new session for the right password (compared as digests, in constant time); empty otherwise. */
    Optional<String> signInWithPassword(String password) {
        if (passwordDigest == null || locked() || password == null
                || !MessageDigest.isEqual(passwordDigest, digest(password))) {
            return failed();
        }
        return Optional.of(newSession());
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

    void signOut(String session) {
        if (session != null) {
            sessions.remove(session);
        }
    }

    private String newSession() {
        String session = newToken();
        sessions.put(session, newToken());
        return session;
    }

    private synchronized boolean locked() {
        Instant since = clock.instant().minus(LOCKOUT);
        while (!failures.isEmpty() && failures.peekFirst().isBefore(since)) {
            failures.removeFirst();
        }
        return failures.size() >= MAX_FAILED_SIGN_INS;
    }

    private synchronized Optional<String> failed() {
        failures.addLast(clock.instant());
        return Optional.empty();
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
