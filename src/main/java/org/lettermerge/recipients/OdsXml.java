package org.lettermerge.recipients;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rows of one table:table element of an ODS content.xml, pulled one at a time. Repeated empty rows and cells
 * (LibreOffice writes a million empty rows as one element with number-rows-repeated) are counted, never expanded.
 */
final class OdsXml implements AutoCloseable {

    static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";
    // A row or cell repeated more than this with a value in it is cut off: no list has that many columns.
    private static final int MAX_COLUMNS = 16_384;

    private final InputStream in;
    private final XMLStreamReader xml;
    private final List<int[]> hiddenColumns = new ArrayList<>();
    private int columnCount;
    private int rowNumber;
    private SheetRow repeated;
    private int repeats;

    /** @param xml positioned on the table:table start element */
    OdsXml(InputStream in, XMLStreamReader xml) {
        this.in = in;
        this.xml = xml;
    }

    List<int[]> hiddenColumns() {
        return hiddenColumns;
    }

    /** The next row with a cell, or null at the end of the table. */
    SheetRow next() throws XMLStreamException {
        if (repeats > 0) {
            repeats--;
            rowNumber++;
            return new SheetRow(rowNumber, repeated.hidden(), repeated.cells(), repeated.notes(), List.of());
        }
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "table".equals(xml.getLocalName())
                    && TABLE.equals(xml.getNamespaceURI())) {
                return null;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !TABLE.equals(xml.getNamespaceURI())) {
                continue;
            }
            if ("table-column".equals(xml.getLocalName())) {
                int count = number(xml.getAttributeValue(TABLE, "number-columns-repeated"));
                if ("collapse".equals(xml.getAttributeValue(TABLE, "visibility"))) {
                    hiddenColumns.add(new int[] {columnCount, columnCount + count - 1});
                }
                columnCount += count;
            } else if ("table-row".equals(xml.getLocalName())) {
                int count = number(xml.getAttributeValue(TABLE, "number-rows-repeated"));
                String visibility = xml.getAttributeValue(TABLE, "visibility");
                SheetRow row = row(rowNumber + 1, visibility != null && !"visible".equals(visibility));
                if (row.cells().isEmpty() && row.notes().isEmpty()) {
                    rowNumber += count;
                    continue;
                }
                rowNumber++;
                repeated = row;
                repeats = count - 1;
                return row;
            }
        }
        return null;
    }

    private SheetRow row(int number, boolean hidden) throws XMLStreamException {
        Map<Integer, String> cells = new HashMap<>();
        Map<Integer, String> notes = new HashMap<>();
        List<int[]> merged = new ArrayList<>();
        int column = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "table-row".equals(xml.getLocalName())) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String local = xml.getLocalName();
            if (!"table-cell".equals(local) && !"covered-table-cell".equals(local)) {
                continue;
            }
            int count = number(xml.getAttributeValue(TABLE, "number-columns-repeated"));
            int spanned = number(xml.getAttributeValue(TABLE, "number-columns-spanned"));
            boolean error = "error".equals(xml.getAttributeValue(CALCEXT, "value-type"));
            String text = cellText();
            if (spanned > 1) {
                merged.add(new int[] {column, column + spanned - 1});
            }
            if (!text.isEmpty() || error) {
                for (int i = 0; i < count && column + i < MAX_COLUMNS; i++) {
                    if (error) {
                        notes.put(column + i, "shows the error " + text + ": correct the formula or type the value");
                    } else {
                        cells.put(column + i, text);
                    }
                }
            }
            column += count;
        }
        return new SheetRow(number, hidden, cells, notes, merged);
    }

    /**
     * The text the cell shows: its paragraphs joined by line breaks; comments (office:annotation) left out. White
     * space in the XML collapses to one space, none at a paragraph's start (OpenDocument 1.3 part 3, 6.1.2); spaces
     * the user typed are written as text:s, tabs and line breaks as elements.
     */
    private String cellText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int paragraphs = 0;
        int depth = 1;
        boolean afterSpace = true;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String local = xml.getLocalName();
                if ("annotation".equals(local) && OFFICE.equals(xml.getNamespaceURI())) {
                    skip(xml);
                    depth--;
                } else if (TEXT.equals(xml.getNamespaceURI())) {
                    switch (local) {
                        case "p", "h" -> {
                            if (paragraphs++ > 0) {
                                text.append('\n');
                            }
                            afterSpace = true;
                        }
                        case "s" -> text.append(" ".repeat(number(xml.getAttributeValue(TEXT, "c"))));
                        case "tab" -> text.append('\t');
                        case "line-break" -> text.append('\n');
                        default -> { }
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                for (char c : xml.getText().toCharArray()) {
                    boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
                    if (!space) {
                        text.append(c);
                    } else if (!afterSpace) {
                        text.append(' ');
                    }
                    afterSpace = space;
                }
            }
        }
        return text.toString();
    }

    /** Skips the element the reader is on, with everything inside it. */
    static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static int number(String attribute) {
        if (attribute == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(attribute.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        } catch (XMLStreamException | IOException e) {
            // Only read from: nothing lost, nothing the user could do.
        }
    }
}
