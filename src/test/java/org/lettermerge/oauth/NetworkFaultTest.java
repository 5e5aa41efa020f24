package org.lettermerge.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** A sign-in that cannot reach the provider says why in words, never with the JDK's exception names. */
class NetworkFaultTest {

    @Test
    void eachKindOfNetworkFaultIsSaidInWords() {
        assertThat(TokenEndpoint.networkFault(new ConnectException())).isEqualTo("connection refused");
        assertThat(TokenEndpoint.networkFault(new HttpConnectTimeoutException("x"))).isEqualTo("no answer in time");
        assertThat(TokenEndpoint.networkFault(new UnknownHostException("login.example"))).isEqualTo("no such host name");
        assertThat(TokenEndpoint.networkFault(new SSLHandshakeException("x")))
                .isEqualTo("the secure connection could not be set up");
        assertThat(TokenEndpoint.networkFault(new IOException("x"))).isEqualTo("the connection failed")
                .doesNotContain("Exception");
    }
}
