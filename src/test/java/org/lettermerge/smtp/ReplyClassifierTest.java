package org.lettermerge.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lettermerge.smtp.ReplyClassifier.Stage;

class ReplyClassifierTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            DATA_END  | 250 2.0.0 Ok: queued as 4ABC                                                       | Accepted
            DATA_END  | 250 2.0.0 OK  1700000000 x12si123456pfb.12 - gsmtp                                | Accepted
            RCPT      | 550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown            | Failed
            RCPT      | 553 5.1.3 The recipient address is not a valid RFC 5321 address                    | Failed
            RCPT      | 450 4.2.0 <busy@example.org>: Recipient address rejected: mailbox busy             | Deferred
            RCPT      | 450 4.7.1 <x@example.org>: Recipient address rejected: Greylisted, try again later  | Deferred
            RCPT      | 452 4.5.3 Too many recipients                                                      | Deferred
            RCPT      | 552 5.5.3 Too many recipients                                                      | Deferred
            DATA_END  | 552 5.2.2 Mailbox full                                                             | Failed
            DATA_END  | 554 5.7.1 Message rejected as spam                                                 | Failed
            DATA_END  | 451 4.3.0 Error: queue file write error                                            | Deferred
            MAIL_FROM | 550 5.4.5 Daily user sending limit exceeded                                        | ServerRefused
            DATA_END  | 550 5.4.5 Daily user sending limit exceeded. For more information go to support    | ServerRefused
            RCPT      | 421 4.7.0 Try again later, closing connection                                      | ServerRefused
            MAIL_FROM | 421 4.3.2 Service not available, closing transmission channel                      | ServerRefused
            RCPT      | 450 4.2.1 The user you are trying to contact is receiving mail too quickly         | ServerRefused
            DATA_END  | 454 Throttling failure: Maximum sending rate exceeded.                             | ServerRefused
            RCPT      | 451 4.7.1 Rate limit exceeded, please slow down                                    | ServerRefused
            DATA_END  | 550 5.7.1 Message rejected: sending limit reached for this account                 | ServerRefused
            DATA_END  | 554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException           | ServerRefused
            DATA_END  | 451 4.7.500 Server busy. Please try again later                                    | ServerRefused
            MAIL_FROM | 530 5.7.0 Authentication required                                                  | ServerRefused
            MAIL_FROM | 535 5.7.8 Username and Password not accepted                                       | ServerRefused
            MAIL_FROM | 553 5.7.1 <me@example.org>: Sender address rejected: not owned by user me          | ServerRefused
            """)
    void classifiesRealProviderReplies(Stage stage, String reply, String expected) {
        int code = Integer.parseInt(reply.substring(0, 3));

        SendOutcome outcome = ReplyClassifier.classify(stage, code, reply);

        assertThat(outcome.getClass().getSimpleName()).isEqualTo(expected);
    }

    @Test
    void keepsTheCodeAndTheFullReplyText() {
        SendOutcome outcome = ReplyClassifier.classify(Stage.RCPT, 550, "550 5.1.1 User unknown\r\n");

        assertThat(outcome).isEqualTo(new SendOutcome.Failed(550, "550 5.1.1 User unknown"));
    }

    @Test
    void marksARefusalAfterTheFinalDotAsSuch() {
        assertThat(ReplyClassifier.classify(Stage.DATA_END, 421, "421 4.7.0 Try again later"))
                .isEqualTo(new SendOutcome.ServerRefused(421, "421 4.7.0 Try again later", true));
        assertThat(ReplyClassifier.classify(Stage.RCPT, 421, "421 4.7.0 Try again later"))
                .isEqualTo(new SendOutcome.ServerRefused(421, "421 4.7.0 Try again later", false));
    }

    @Test
    void treats552AfterDataAsPermanentUnlikeOnRcpt() {
        assertThat(ReplyClassifier.classify(Stage.DATA_END, 552, "552 5.3.4 Message too big"))
                .isInstanceOf(SendOutcome.Failed.class);
        assertThat(ReplyClassifier.classify(Stage.RCPT, 552, "552 5.3.4 Message too big"))
                .isInstanceOf(SendOutcome.Deferred.class);
    }

    @Test
    void readsTheEnhancedStatusCode() {
        assertThat(ReplyClassifier.enhancedCode("550-5.4.5 Daily user sending limit")).contains("5.4.5");
        assertThat(ReplyClassifier.enhancedCode("250 Ok")).isEmpty();
    }
}
