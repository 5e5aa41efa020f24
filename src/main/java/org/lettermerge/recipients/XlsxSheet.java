package org.lettermerge.recipients;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * One sheet of an .xlsx workbook, streamed: Apache POI opens the package and reads the shared strings and styles,
 * and the sheet's XML is pulled row by row with StAX (POI's own event reader pushes rows through SAX callbacks,
 * which cannot be paused between rows as an iterator must). Numbers and dates go through POI's
 * {@link DataFormatter} with the cell's number format, so "42" is not "42.0" and a date reads as the sheet shows
 * it; formulas give the result Excel saved with the file.
 */
final class XlsxSheet implements SheetSource {

    // Fixed, not the machine's: the same workbook must give the same letters (and version hash) everywhere.
    private static final DataFormatter FORMATTER = new DataFormatter(Locale.US);

    private final OPCPackage pkg;
    private final String name;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final SheetXml xml;
    private final Map<Integer, List<int[]>> merges;
    private final List<int[]> hiddenColumns = new ArrayList<>();

    private XlsxSheet(OPCPackage pkg, String name, ReadOnlySharedStringsTable strings, StylesTable styles,
                      SheetXml xml, Map<Integer, List<int[]>> merges) {
        this.pkg = pkg;
        this.name = name;
        this.strings = strings;
        this.styles = styles;
        this.xml = xml;
        this.merges = merges;
    }

    /** The sheet named {@code wanted}, or the first; throws {@link UnreadableList.Reason} with what to do. */
    static XlsxSheet open(Path file, String wanted) {
        String unusable = notAZip(file);
        if (unusable != null) {
            throw new UnreadableList.Reason(unusable);
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new UnreadableList.Reason(OLE2);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new UnreadableList.Reason("is not an Excel workbook (.xlsx), though its name says so: open it in"
                    + " Excel or LibreOffice and save it as .xlsx, or give it the extension of what it is (.csv)");
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            List<String> names = new ArrayList<>();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            String found = null;
            while (sheets.hasNext() && found == null) {
                try (InputStream ignored = sheets.next()) {
                    names.add(sheets.getSheetName());
                    if (wanted == null || wanted.equals(sheets.getSheetName())) {
                        found = sheets.getSheetName();
                    }
                }
            }
            while (found == null && sheets.hasNext()) {
                try (InputStream ignored = sheets.next()) {
                    names.add(sheets.getSheetName());
                }
            }
            if (found == null) {
                throw new UnreadableList.Reason(names.isEmpty() ? "the workbook has no sheet"
                        : "has no sheet '" + wanted + "': its sheets are " + String.join(", ", names)
                        + "; check 'sheet' in the campaign file (upper and lower case count)");
            }
            // Merged cells are listed after the rows: a first pass over the sheet finds them before any row is read.
            Map<Integer, List<int[]>> merges = SheetXml.merges(sheet(reader, names.indexOf(found)));
            SheetXml xml = new SheetXml(sheet(reader, names.indexOf(found)));
            return new XlsxSheet(pkg, found, new ReadOnlySharedStringsTable(pkg), reader.getStylesTable(), xml,
                    merges);
        } catch (UnreadableList.Reason e) {
            pkg.revert();
            throw e;
        } catch (IOException | OpenXML4JException | XMLStreamException | org.xml.sax.SAXException | RuntimeException e) {
            pkg.revert();
            throw new UnreadableList.Reason("cannot be read as an Excel workbook (" + plain(e) + "): open it in"
                    + " Excel or LibreOffice and save it again as .xlsx");
        }
    }

    /**
     * Why the file cannot be a workbook, from its first bytes, or null. Checked before POI opens it: POI logs a
     * warning of its own about a file that is not a zip, which the user would see beside ours.
     */
    private static String notAZip(Path file) {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            return "cannot be read: check the file and its permissions";
        }
        if (read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return null;
        }
        if (read == 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && head[2] == 0x11 && (head[3] & 0xFF) == 0xE0) {
            return OLE2;
        }
        return "is not an Excel workbook (.xlsx), though its name says so: open it in Excel or LibreOffice and save"
                + " it as .xlsx, or give it the extension of what it is (.csv)";
    }

    // An OLE2 container: Excel encrypts a workbook with a password into one, and .xls files are one.
    private static final String OLE2 = "is protected by a password, or is an Excel 97-2003 file renamed .xlsx: open"
            + " it in Excel, remove the password (File > Info > Protect Workbook) and save it as .xlsx";

    private static InputStream sheet(XSSFReader reader, int index) throws IOException, OpenXML4JException {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        for (int i = 0; i < index; i++) {
            sheets.next().close();
        }
        return sheets.next();
    }

    // The part of a POI message a user can act on, without class names; messages of the XML parser are kept out.
    private static String plain(Exception e) {
        return e instanceof XMLStreamException ? "its XML is damaged" : "the file is damaged or incomplete";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "an Excel workbook";
    }

    @Override
    public boolean columnHidden(int column) {
        return hiddenColumns.stream().anyMatch(span -> column >= span[0] && column <= span[1]);
    }

    @Override
    public SheetRow next() {
        try {
            SheetXml.RawRow raw = xml.next(hiddenColumns);
            if (raw == null) {
                close();
                return null;
            }
            Map<Integer, String> cells = new HashMap<>();
            Map<Integer, String> notes = new HashMap<>();
            for (SheetXml.RawCell cell : raw.cells()) {
                String reference = SheetRow.letters(cell.column()) + raw.number();
                if (cell.formula() && cell.value() == null) {
                    notes.put(cell.column(), "holds a formula without a saved result: open the file in Excel or"
                            + " LibreOffice and save it again, or type the value");
                } else if ("e".equals(cell.type())) {
                    notes.put(cell.column(), "shows the error " + cell.value() + " (" + reference + "): correct the"
                            + " formula or type the value");
                } else {
                    cells.put(cell.column(), shown(cell));
                }
            }
            return new SheetRow(raw.number(), raw.hidden(), cells, notes, merges.getOrDefault(raw.number(), List.of()));
        } catch (XMLStreamException | RuntimeException e) {
            close();
            throw new IllegalStateException("the sheet " + name + " of the workbook is damaged: open it in Excel or"
                    + " LibreOffice and save it again", e);
        }
    }

    /** The cell's text as Excel shows it. */
    private String shown(SheetXml.RawCell cell) {
        String value = cell.value() == null ? "" : cell.value();
        String type = cell.type() == null ? "n" : cell.type();
        return switch (type) {
            case "s" -> value.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(value.strip())).getString();
            case "inlineStr", "str", "d" -> value;
            case "b" -> "1".equals(value.strip()) ? "TRUE" : "FALSE";
            default -> number(value, cell.style());
        };
    }

    private String number(String value, int style) {
        if (value.isBlank()) {
            return "";
        }
        double number;
        try {
            number = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
        XSSFCellStyle cellStyle = style >= 0 && style < styles.getNumCellStyles() ? styles.getStyleAt(style) : null;
        if (cellStyle == null) {
            return FORMATTER.formatRawCellContents(number, 0, "General");
        }
        String format = cellStyle.getDataFormatString();
        return FORMATTER.formatRawCellContents(number, cellStyle.getDataFormat(), format == null ? "General" : format);
    }

    @Override
    public void close() {
        xml.close();
        pkg.revert();
    }
}
