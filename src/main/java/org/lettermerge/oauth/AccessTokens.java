package org.lettermerge.oauth;

/**
 * Access tokens for one signed-in account, for the SASL XOAUTH2 login of SMTP and IMAP connections. Kept in memory
 * only. Both methods throw {@link LoginRequiredException} when the account must sign in again.
 */
public interface AccessTokens {

    /** The account's address: the user name of the XOAUTH2 login. */
    String username();

    /** A token valid for a while yet: the one in memory, or a new one when it is close to expiry. */
    String current();

    /** A new token now: the server refused the one it had (revoked, or a clock that lies). */
    String renewed();

    /** "sign in again: `lettermerge login campaign.yaml`", to end the messages of a login problem. */
    String signInAgain();
}
