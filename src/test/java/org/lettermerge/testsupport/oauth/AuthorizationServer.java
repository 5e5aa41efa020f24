package org.lettermerge.testsupport.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.lettermerge.oauth.Account;
import org.lettermerge.oauth.BrowserLogin;
import org.lettermerge.oauth.LoginOutcome;
import org.lettermerge.oauth.OAuthSettings;
import org.lettermerge.oauth.Provider;
import org.lettermerge.oauth.TokenEndpoint;
import org.lettermerge.oauth.TokenStore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A real OAuth 2.0 authorization server (Spring Authorization Server) on 127.0.0.1: the authorization code grant
 * with PKCE required, the device authorization grant, refresh tokens rotated at every use, revocation (RFC 7009)
 * and introspection (RFC 7662), a login form and a consent page. Started once per test class.
 *
 * <p>The Lettermerge client authenticates with a client secret (client_secret_post), as Google's desktop clients
 * do: Spring Authorization Server issues no refresh token to a client without one. PKCE is required all the same.
 */
public final class AuthorizationServer implements AutoCloseable {

    public static final String CLIENT_ID = "lettermerge-desktop";
    /** The same value the build gives the tests in LETTERMERGE_TEST_OAUTH_SECRET (see the pom). */
    public static final String CLIENT_SECRET = "oauth-client-secret-for-tests";
    public static final String USER = "letters@coalition.example.org";
    public static final String PASSWORD = "organizer-password";
    public static final String OTHER_USER = "other@coalition.example.org";
    /** GreenMail's own client, allowed to introspect the tokens it is shown. */
    private static final String CHECKER_ID = "greenmail";
    private static final String CHECKER_SECRET = "greenmail-introspection-secret";
    /** Short, so the refresh test needs only a few minutes of test time per letter. */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConfigurableApplicationContext context;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private AuthorizationServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create("http://127.0.0.1:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort());
    }

    public static AuthorizationServer start() {
        // Spring Boot must not reconfigure the logging of the whole test JVM.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        SpringApplication app = new SpringApplication(Server.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        return new AuthorizationServer(app.run("--server.port=0", "--server.address=127.0.0.1",
                "--spring.main.lazy-initialization=false", "--spring.jmx.enabled=false"));
    }

    public URI base() {
        return base;
    }

    public URI endpoint(String path) {
        return base.resolve(path);
    }

    /** The campaign file's oauth section for this server, with the secret in LETTERMERGE_TEST_OAUTH_SECRET. */
    public String oauthSection() {
        return """
                oauth:
                  provider: custom
                  client_id: %s
                  client_secret_env: LETTERMERGE_TEST_OAUTH_SECRET
                  authorization_endpoint: %s
                  token_endpoint: %s
                  device_endpoint: %s
                  revocation_endpoint: %s
                  scopes: [mail.send, mail.read]
                """.formatted(CLIENT_ID, endpoint("/oauth2/authorize"), endpoint("/oauth2/token"),
                endpoint("/oauth2/device_authorization"), endpoint("/oauth2/revoke"));
    }

    /** The oauth settings a campaign file would give for this server. */
    public OAuthSettings settings() {
        return new OAuthSettings(Provider.CUSTOM, CLIENT_ID, null, "LETTERMERGE_TEST_OAUTH_SECRET",
                new Provider.Endpoints(endpoint("/oauth2/authorize"), endpoint("/oauth2/token"),
                        endpoint("/oauth2/device_authorization")),
                endpoint("/oauth2/revoke"), List.of("mail.send", "mail.read"));
    }

    public TokenEndpoint tokenEndpoint() {
        return new TokenEndpoint(TokenEndpoint.defaultClient(), settings(), CLIENT_SECRET.toCharArray());
    }

    /** `login` as the library runs it, with the test's browser following the printed address as {@code user}. */
    public LoginOutcome signInWithTheBrowser(TokenStore store, String user) {
        Terminal terminal = new Terminal();
        CompletableFuture<LoginOutcome> login = CompletableFuture.supplyAsync(() -> new BrowserLogin(tokenEndpoint(),
                store, Clock.systemUTC(), terminal.writer(), new BrowserLogin.Options(Duration.ofSeconds(30), false))
                .login(Account.of(user, settings())));
        new TestBrowser(user, PASSWORD).signIn(terminal.address());
        return login.join();
    }

    /** RFC 7662, as GreenMail asks: the subject the token was issued for, or null when it is not active. */
    public String activeSubject(String accessToken) {
        JsonNode answer = post("/oauth2/introspect", CHECKER_ID, CHECKER_SECRET, "token", accessToken);
        return answer.path("active").asBoolean(false) ? answer.path("sub").asText(null) : null;
    }

    /** RFC 7009, as an administrator revoking the sign-in would: the refresh token and its access tokens stop working. */
    public void revoke(String token) {
        post("/oauth2/revoke", CLIENT_ID, CLIENT_SECRET, "token", token);
    }

    private JsonNode post(String path, String clientId, String secret, String name, String value) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoint(path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered HTTP " + response.statusCode());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Server {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, s -> s.deviceAuthorizationEndpoint(Customizer.withDefaults())
                            .deviceVerificationEndpoint(Customizer.withDefaults())
                            .tokenIntrospectionEndpoint(Customizer.withDefaults())
                            .tokenRevocationEndpoint(Customizer.withDefaults()))
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build(),
                    User.withUsername(OTHER_USER).password("{noop}" + PASSWORD).roles("USER").build());
        }

        @Bean
        RegisteredClientRepository clients() {
            RegisteredClient desktop = RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
                    // RFC 8252 7.3: for a loopback IP literal the server lets the port vary.
                    .redirectUri("http://127.0.0.1/")
                    .scope("mail.send")
                    .scope("mail.read")
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true).build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                            .refreshTokenTimeToLive(Duration.ofDays(90)).reuseRefreshTokens(false).build())
                    .build();
            RegisteredClient checker = RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CHECKER_ID)
                    .clientSecret("{noop}" + CHECKER_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .build();
            return new InMemoryRegisteredClientRepository(desktop, checker);
        }
    }
}
