package org.lettermerge.recipients;

/**
 * The rows of one sheet of a workbook, read as a stream: {@link XlsxSheet} or {@link OdsSheet}. Only the current
 * row is held, plus what the format keeps for the whole sheet (Excel's shared strings).
 */
sealed interface SheetSource extends AutoCloseable permits XlsxSheet, OdsSheet {

    /** The name on the sheet's tab. */
    String name();

    /** "an Excel workbook", "an OpenDocument spreadsheet", for check. */
    String kind();

    /** The next row with any cell, or null at the end of the sheet (the source is then closed). */
    SheetRow next();

    /** Whether the column (0-based) is hidden; known once the first row was read. */
    boolean columnHidden(int column);

    @Override
    void close();
}
