package org.lettermerge.recipients;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML of one .xlsx worksheet (ECMA-376 part 1, 18.3 "Worksheets"), pulled row by row with the JDK's StAX
 * parser: only the current row is in memory. Values come out raw (a shared-string index, a number as stored);
 * {@link XlsxSheet} turns them into what the sheet shows.
 */
final class SheetXml implements AutoCloseable {

    /** A cell as stored: {@code type} is the t attribute (null: a number), {@code style} the s attribute. */
    record RawCell(int column, String type, int style, String value, boolean formula) {}

    record RawRow(int number, boolean hidden, List<RawCell> cells) {}

    private final InputStream in;
    private final XMLStreamReader xml;
    private int lastRow;

    SheetXml(InputStream in) throws XMLStreamException {
        this.in = in;
        this.xml = factory().createXMLStreamReader(in);
    }

    // No DTDs, no external entities: a workbook is untrusted input (XXE).
    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** First row → the column spans [first, last] of the merged cells that start in it (0-based columns). */
    static Map<Integer, List<int[]>> merges(InputStream in) throws XMLStreamException, IOException {
        Map<Integer, List<int[]>> merges = new HashMap<>();
        try (in) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "mergeCell".equals(xml.getLocalName())) {
                    String[] ends = String.valueOf(xml.getAttributeValue(null, "ref")).split(":");
                    if (ends.length == 2) {
                        int row = Integer.parseInt(ends[0].replaceAll("[^0-9]", ""));
                        merges.computeIfAbsent(row, r -> new ArrayList<>())
                                .add(new int[] {SheetRow.column(ends[0]), SheetRow.column(ends[1])});
                    }
                }
            }
            xml.close();
        }
        return merges;
    }

    /**
     * The next row, or null at the end of the sheet's data. Hidden column spans met on the way (the cols element
     * comes before the rows) are added to {@code hiddenColumns}.
     */
    RawRow next(List<int[]> hiddenColumns) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                return null;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "col" -> {
                    if (yes(xml.getAttributeValue(null, "hidden"))) {
                        hiddenColumns.add(new int[] {Integer.parseInt(xml.getAttributeValue(null, "min")) - 1,
                                Integer.parseInt(xml.getAttributeValue(null, "max")) - 1});
                    }
                }
                case "row" -> {
                    return row();
                }
                default -> { }
            }
        }
        return null;
    }

    private RawRow row() throws XMLStreamException {
        String r = xml.getAttributeValue(null, "r");
        int number = r != null ? Integer.parseInt(r) : lastRow + 1;
        lastRow = number;
        boolean hidden = yes(xml.getAttributeValue(null, "hidden"));
        List<RawCell> cells = new ArrayList<>();
        int lastColumn = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref != null ? SheetRow.column(ref) : lastColumn + 1;
                lastColumn = column;
                cells.add(cell(column));
            }
        }
        return new RawRow(number, hidden, cells);
    }

    private RawCell cell(int column) throws XMLStreamException {
        String type = xml.getAttributeValue(null, "t");
        String s = xml.getAttributeValue(null, "s");
        int style = s == null ? 0 : Integer.parseInt(s);
        String value = null;
        boolean formula = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> value = xml.getElementText();
                    case "f" -> {
                        formula = true;
                        xml.getElementText();
                    }
                    case "is" -> value = inlineText();
                    default -> { }
                }
            }
        }
        return new RawCell(column, type, style, value, formula);
    }

    /** An inline string: its text runs joined, without phonetic guides (rPh), which Excel does not show. */
    private String inlineText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if ("is".equals(xml.getLocalName())) {
                    break;
                }
                if ("rPh".equals(xml.getLocalName())) {
                    phonetic--;
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if ("rPh".equals(xml.getLocalName())) {
                    phonetic++;
                } else if ("t".equals(xml.getLocalName())) {
                    String t = xml.getElementText();
                    if (phonetic == 0) {
                        text.append(t);
                    }
                }
            }
        }
        return text.toString();
    }

    private static boolean yes(String flag) {
        return "1".equals(flag) || "true".equals(flag);
    }

    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        } catch (XMLStreamException | IOException e) {
            // Closing a stream we only read from: nothing the user could do, nothing lost.
        }
    }
}
