package org.lettermerge.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.net.Socket;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport with two changes around the final "." (RFC 5321 4.1.1.4), the moment the server takes
 * responsibility for the message: the caller's {@link DataHandoff} runs just before it, and the wait for its reply
 * is the long data-end timeout (RFC 5321 4.5.3.2.6) instead of the read timeout. It also records whether the final
 * "." was started, which splits a lost connection into "nothing reached the server" and "the server may have it".
 * Public only because {@link Session#getTransport(jakarta.mail.Provider)} instantiates it by reflection.
 */
public final class DataEndTransport extends SMTPTransport {

    private final NoDelaySocketFactory sockets;
    private int readTimeoutMillis;
    private int dataEndTimeoutMillis;
    private DataHandoff handoff = DataHandoff.NONE;
    private boolean finalDotStarted;

    public DataEndTransport(Session session, URLName url) {
        super(session, url);
        this.sockets = (NoDelaySocketFactory) session.getProperties().get(SessionProperties.SOCKET_FACTORY);
    }

    void timeouts(int readMillis, int dataEndMillis) {
        this.readTimeoutMillis = readMillis;
        this.dataEndTimeoutMillis = dataEndMillis;
    }

    /** Called before each message: the hook for this message, and a fresh "final dot not yet sent". */
    void prepare(DataHandoff hook) {
        this.handoff = hook;
        this.finalDotStarted = false;
    }

    boolean finalDotStarted() {
        return finalDotStarted;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        try {
            handoff.beforeFinalDot();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // Without the final "." the server must discard the transaction; closing the socket now also drops
            // any message bytes still in Angus's buffer.
            sockets.current().close();
            throw new HandoffFailedException(e);
        }
        Socket socket = sockets.current();
        socket.setSoTimeout(dataEndTimeoutMillis);
        finalDotStarted = true;
        try {
            super.finishData();
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(readTimeoutMillis);
            }
        }
    }
}
