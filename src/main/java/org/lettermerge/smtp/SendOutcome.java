package org.lettermerge.smtp;

import java.util.Objects;

/**
 * What became of one message to one recipient. Only {@link Accepted} means the server took responsibility for it
 * (which is not the same as reaching an inbox).
 */
public sealed interface SendOutcome {

    /** A short form for tables, e.g. "accepted: 250 2.0.0 Ok: queued as 4ABC". */
    String describe();

    /** The server queued the message; {@code reply} is its full last reply line, which holds its queue id. */
    record Accepted(int code, String reply) implements SendOutcome {
        public Accepted {
            Objects.requireNonNull(reply, "reply");
        }

        @Override
        public String describe() {
            return "accepted: " + reply;
        }
    }

    /** A 4yz about this message or recipient (RFC 5321 4.2.1: transient): try again later. */
    record Deferred(int code, String reply) implements SendOutcome {
        public Deferred {
            Objects.requireNonNull(reply, "reply");
        }

        @Override
        public String describe() {
            return "deferred: " + reply;
        }
    }

    /** A 5yz about this message or recipient (RFC 5321 4.2.1: permanent): do not send it again as it is. */
    record Failed(int code, String reply) implements SendOutcome {
        public Failed {
            Objects.requireNonNull(reply, "reply");
        }

        @Override
        public String describe() {
            return "failed: " + reply;
        }
    }

    /** The connection was lost or timed out after the final "." was sent: the server may have queued the message. */
    record Unknown(String reason) implements SendOutcome {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "unknown (may have been delivered): " + reason;
        }
    }

    /** The connection was lost before the final ".": the server discarded the message; safe to send again. */
    record NotHandedOver(String reason) implements SendOutcome {
        public NotHandedOver {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "not sent: " + reason;
        }
    }

    /**
     * A reply about us, not the recipient: the server is closing (421), will not accept our credentials, or we hit a
     * sending limit. The message was not accepted; the whole run should stop, since every next message would fare the same.
     */
    record ServerRefused(int code, String reply, boolean afterFinalDot) implements SendOutcome {
        public ServerRefused {
            Objects.requireNonNull(reply, "reply");
        }

        @Override
        public String describe() {
            return "server refused us: " + reply;
        }
    }
}
