package org.lettermerge.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Where browsers reach the dashboard: its own names (the Host header must be one of them, so a page of another site
 * cannot drive it through DNS rebinding) and its origins (a form must come from one of them). On loopback that is
 * http://127.0.0.1, localhost and [::1] at the port; behind a TLS reverse proxy, the one public https address.
 */
record Site(Set<String> hosts, Set<String> origins, boolean secure, String base) {

    static Site loopback(int port) {
        Set<String> hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
        return new Site(hosts, Set.of("http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port),
                false, "http://127.0.0.1:" + port);
    }

    /** The public address organizers open, e.g. https://letters.example.org (the proxy's, not Jetty's). */
    static Site behindProxy(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || port == (scheme.equals("https") ? 443 : 80);
        String authority = defaultPort ? host : host + ":" + port;
        Set<String> hosts = defaultPort ? Set.of(host, host + ":" + (scheme.equals("https") ? 443 : 80)) : Set.of(authority);
        return new Site(hosts, Set.of(scheme + "://" + authority), scheme.equals("https"), scheme + "://" + authority);
    }

    boolean ownHost(String host) {
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Whether a POST comes from a page of this site: its Origin, or without one its Referer. */
    boolean sameOrigin(String origin, String referer) {
        if (origin != null) {
            return origins.contains(origin.toLowerCase(Locale.ROOT));
        }
        if (referer == null) {
            return false;
        }
        int slash = referer.indexOf('/', referer.indexOf("://") + 3);
        return referer.contains("://") && origins.contains((slash < 0 ? referer : referer.substring(0, slash))
                .toLowerCase(Locale.ROOT));
    }
}
