package org.lettermerge.store;

/** Just enough of a recipient row to tie incoming mail to it. */
public record RecipientRef(long id, long campaignId, String email) {}
