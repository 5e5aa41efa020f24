package org.lettermerge.smtp;

/**
 * Called after the message data has been written and just before the final "." that asks the server to take
 * responsibility for it (RFC 5321 4.1.1.4). The caller commits "handed to the server" to its log here: from the
 * final "." on, a lost connection leaves the message's fate unknown, and the log must already say so.
 * If this throws, the final "." is not sent and the connection is closed, so the server discards the transaction.
 */
@FunctionalInterface
public interface DataHandoff {

    DataHandoff NONE = () -> { };

    void beforeFinalDot() throws Exception;
}
