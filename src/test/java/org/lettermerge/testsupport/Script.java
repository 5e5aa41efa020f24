package org.lettermerge.testsupport;

import java.util.List;

/**
 * Decides the scripted server's replies. Every hook has the answer a healthy server would give, so a script
 * overrides only the point where it misbehaves. {@code transaction} is the 0-based, server-wide number of the
 * MAIL FROM that began the current mail transaction: "the second message sent" is transaction 1, across reconnects.
 */
public interface Script {

    default Reply onGreeting(int connection) {
        return Reply.code(220, "127.0.0.1 ESMTP scripted");
    }

    /** EHLO keywords after the first line; only extensions the server really implements. */
    default List<String> extensions() {
        return List.of("8BITMIME");
    }

    /** {@code connection} is 1-based, in the order the server accepted them. */
    default Reply onNoop(int connection) {
        return Reply.code(250, "2.0.0 Ok");
    }

    default Reply onMailFrom(String address, int transaction) {
        return Reply.code(250, "2.1.0 Ok");
    }

    default Reply onRcpt(String address, int transaction) {
        return Reply.code(250, "2.1.5 Ok");
    }

    /**
     * Whether the server reads the message after its 354. A server that does not (a hung one) stops reading with
     * the socket open, so the client's writes block once the connection's buffers are full.
     */
    default boolean readsMessage(int transaction) {
        return true;
    }

    /** The reply to the final "." (RFC 5321 4.1.1.4); {@code message} has dot-stuffing undone. */
    default Reply onDataEnd(byte[] message, int transaction) {
        return Reply.code(250, "2.0.0 Ok: queued as Q" + transaction);
    }

    static Script acceptAll() {
        return new Script() { };
    }

    static Script greeting(Reply reply) {
        return new Script() {
            @Override
            public Reply onGreeting(int connection) {
                return reply;
            }
        };
    }

    static Script onRcptOf(String address, Reply reply) {
        return new Script() {
            @Override
            public Reply onRcpt(String rcpt, int transaction) {
                return rcpt.equalsIgnoreCase(address) ? reply : Script.super.onRcpt(rcpt, transaction);
            }
        };
    }

    static Script rejectRcpt(String address, int code, String text) {
        return onRcptOf(address, Reply.code(code, text));
    }

    static Script onDataEndOf(int transaction, Reply reply) {
        return new Script() {
            @Override
            public Reply onDataEnd(byte[] message, int current) {
                return current == transaction ? reply : Script.super.onDataEnd(message, current);
            }
        };
    }

    static Script replyAfterData(int transaction, int code, String text) {
        return onDataEndOf(transaction, Reply.code(code, text));
    }

    static Script dropAfterFinalDot(int transaction) {
        return onDataEndOf(transaction, Reply.drop());
    }

    static Script stallAfterFinalDot(int transaction) {
        return onDataEndOf(transaction, Reply.stall());
    }
}
