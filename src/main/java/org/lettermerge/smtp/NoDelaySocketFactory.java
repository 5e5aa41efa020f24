package org.lettermerge.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * Creates the TCP sockets of one {@link SmtpClient} with TCP_NODELAY on, and remembers the current one.
 * Angus never sets TCP_NODELAY; over a reused connection Nagle's algorithm meets the server's delayed ACK and
 * each message waits ~40 ms. TLS (implicit or STARTTLS) is layered by Angus over this plain socket with the
 * default SSLSocketFactory, so the option holds there too and certificates are still verified.
 * Angus calls only {@link #createSocket()} and connects the socket itself, with the connect timeout. Each socket
 * keeps its own write timeout ({@link WriteDeadlines}).
 */
final class NoDelaySocketFactory extends SocketFactory {

    private final Duration writeTimeout;
    private volatile Socket current;

    NoDelaySocketFactory(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    /** The plain socket of the current connection (below any TLS layer), or null before the first connect. */
    Socket current() {
        return current;
    }

    /**
     * A socket Angus connected itself (implicit TLS with a campaign trust store: Angus never asks a TLS socket
     * factory for the plain socket), about to carry TLS: made the current one, with TCP_NODELAY.
     */
    void adopt(Socket socket) throws IOException {
        if (socket != current) {
            socket.setTcpNoDelay(true);
            current = socket;
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = WriteDeadlines.socket(writeTimeout);
        socket.setTcpNoDelay(true);
        current = socket;
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    /** @param local the local end to bind first, or null for any */
    private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }

    @Override
    public String toString() {
        return "NoDelaySocketFactory";
    }
}
