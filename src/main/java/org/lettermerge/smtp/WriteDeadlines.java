package org.lettermerge.smtp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The write timeout of the SMTP sockets (RFC 5321 4.5.3.2 gives the server minutes to take our data; a server that
 * stops reading must not hang a send forever). Each write notes when it began; one watchdog thread for the whole
 * process looks ten times a second and closes a socket whose write has gone on too long, so the blocked write fails
 * as a lost connection. Angus's own write timeout schedules and cancels a task on a thread of its own for every
 * write, several per letter: a fifth of the sending rate in the benchmark.
 */
final class WriteDeadlines {

    private static final long CHECK_MILLIS = 100;
    /** Sockets that have written: weakly held, so one dropped without being closed is not kept alive here. */
    private static final Set<TimedSocket> OPEN =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lettermerge-write-timeouts");
        t.setDaemon(true);
        return t;
    });

    static {
        WATCHDOG.scheduleWithFixedDelay(WriteDeadlines::closeOverdue, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private WriteDeadlines() {}

    /** A new, unconnected socket whose writes may each take at most {@code timeout}. */
    static Socket socket(Duration timeout) {
        return new TimedSocket(timeout.toNanos());
    }

    private static void closeOverdue() {
        long now = System.nanoTime();
        List<TimedSocket> sockets;
        synchronized (OPEN) {
            sockets = new ArrayList<>(OPEN);
        }
        for (TimedSocket socket : sockets) {
            long since = socket.writingSince;
            if (since != 0 && now - since > socket.timeoutNanos) {
                try {
                    socket.close();
                } catch (IOException | RuntimeException ignored) {
                    // Closing is all there is to do; the blocked write reports the lost connection. Nothing may
                    // escape: a task that throws is never run again by its executor.
                }
            }
        }
    }

    private static final class TimedSocket extends Socket {
        final long timeoutNanos;
        /** When the write in progress began (System.nanoTime), or 0 when none is. */
        volatile long writingSince;
        private OutputStream out;

        TimedSocket(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new Timed(super.getOutputStream());
                OPEN.add(this);
            }
            return out;
        }

        @Override
        public synchronized void close() throws IOException {
            OPEN.remove(this);
            super.close();
        }

        private final class Timed extends FilterOutputStream {
            Timed(OutputStream socketOut) {
                super(socketOut);
            }

            @Override
            public void write(int b) throws IOException {
                begin();
                try {
                    out.write(b);
                } finally {
                    writingSince = 0;
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                begin();
                try {
                    out.write(b, off, len);
                } finally {
                    writingSince = 0;
                }
            }

            private void begin() {
                // 0 means "not writing": a nanoTime of exactly 0 is taken as 1.
                long now = System.nanoTime();
                writingSince = now == 0 ? 1 : now;
            }
        }
    }
}
