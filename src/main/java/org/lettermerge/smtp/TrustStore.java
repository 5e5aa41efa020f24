package org.lettermerge.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The CA certificates of a campaign's {@code trust_store} (a PEM file): trusted instead of the JVM's default ones,
 * for a server whose certificate comes from an organisation's own CA. Only the trust anchors change: the chain, the
 * validity dates and (through Angus's checkserveridentity) the host name are checked as always.
 */
public final class TrustStore {

    private TrustStore() {}

    /**
     * The certificates in {@code pemFile}, at least one.
     *
     * @throws IllegalArgumentException saying what is wrong with the file, for the user
     */
    public static List<X509Certificate> read(Path pemFile) {
        if (!Files.isRegularFile(pemFile)) {
            throw new IllegalArgumentException("no such file: " + pemFile);
        }
        Collection<? extends Certificate> found;
        try (InputStream in = Files.newInputStream(pemFile)) {
            found = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + pemFile + " (" + e.getMessage() + ")");
        } catch (CertificateException e) {
            throw new IllegalArgumentException(pemFile + " is not a PEM file of certificates (" + e.getMessage()
                    + "): it should hold one or more -----BEGIN CERTIFICATE----- blocks");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        found.forEach(c -> certificates.add((X509Certificate) c));
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(pemFile + " holds no certificate: it should hold one or more "
                    + "-----BEGIN CERTIFICATE----- blocks");
        }
        return certificates;
    }

    /** A TLS socket factory that trusts exactly the certificates in {@code pemFile}. */
    public static SSLSocketFactory socketFactory(Path pemFile) {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (X509Certificate certificate : read(pemFile)) {
                anchors.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context from " + pemFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * The factory Angus layers TLS with, for implicit TLS and STARTTLS alike ({@code mail.<protocol>.ssl.socketFactory}):
     * trusts the campaign's certificates and tells {@code plain} which TCP socket now carries the session.
     */
    static SSLSocketFactory layering(SSLSocketFactory trusted, NoDelaySocketFactory plain) {
        return new Layering(trusted, plain);
    }

    private static final class Layering extends SSLSocketFactory {
        private final SSLSocketFactory trusted;
        private final NoDelaySocketFactory plain;

        Layering(SSLSocketFactory trusted, NoDelaySocketFactory plain) {
            this.trusted = trusted;
            this.plain = plain;
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            plain.adopt(socket);
            return trusted.createSocket(socket, host, port, autoClose);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return trusted.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return trusted.getSupportedCipherSuites();
        }

        // Angus only layers over a socket it connected itself; these would bypass that.
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new IOException("not used: TLS is layered over a connected socket");
        }

        @Override
        public Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) throws IOException {
            throw new IOException("not used: TLS is layered over a connected socket");
        }

        @Override
        public Socket createSocket(java.net.InetAddress host, int port) throws IOException {
            throw new IOException("not used: TLS is layered over a connected socket");
        }

        @Override
        public Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort)
                throws IOException {
            throw new IOException("not used: TLS is layered over a connected socket");
        }

        @Override
        public String toString() {
            return "TrustStore.Layering";
        }
    }
}
