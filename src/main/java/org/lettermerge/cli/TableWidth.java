package org.lettermerge.cli;

/**
 * Which of status's columns fit a terminal of a given width. The address is never cut and never dropped; on a narrow
 * terminal the columns a person scanning the list needs least go first — attempts and reply code, then the time of
 * the last attempt — and the name narrows, so the state and the server's reply stay on the line.
 *
 * @param width the terminal's columns (from COLUMNS), or 0 when not known (a pipe, a file): everything is shown
 */
record TableWidth(boolean attemptsAndCode, boolean lastAttempt, int name) {

    /** All columns but the reply, with their separators (see StatusTable's layout). */
    static final int FULL = 34 + 1 + 28 + 1 + 9 + 1 + 8 + 1 + 5 + 2 + 20 + 2 + 16 + 2;
    /** What the reply needs at least to be worth a line. */
    static final int REPLY = 24;

    static TableWidth of(int width) {
        if (width <= 0 || width >= FULL + REPLY) {
            return new TableWidth(true, true, 28);
        }
        if (width >= FULL - 15 + REPLY) {
            return new TableWidth(false, true, 28);
        }
        if (width >= FULL - 15 - 22 + REPLY) {
            return new TableWidth(false, false, 28);
        }
        return new TableWidth(false, false, 16);
    }

    /** The terminal's width from the COLUMNS variable, 0 when it is unset or not a number. */
    static int fromEnvironment(String columns) {
        if (columns == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(columns.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
