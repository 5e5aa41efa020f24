package org.lettermerge.recipients;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One sheet of an OpenDocument spreadsheet (.ods, OpenDocument 1.3 part 3, 9.1 "Tables"), streamed from the
 * content.xml of its zip with the JDK's StAX parser. No library is used: Maven Central's ODS readers (ODF Toolkit,
 * SODS) build the whole document in memory, and ODS needs none, because every cell stores the text it shows (its
 * text:p paragraphs), dates, numbers and formula results formatted as in the sheet.
 */
final class OdsSheet implements SheetSource {

    private final ZipFile zip;
    private final OdsXml xml;
    private final String name;

    private OdsSheet(ZipFile zip, OdsXml xml, String name) {
        this.zip = zip;
        this.xml = xml;
        this.name = name;
    }

    /** The sheet named {@code wanted}, or the first; throws {@link UnreadableList.Reason} with what to do. */
    static OdsSheet open(Path file, String wanted) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new UnreadableList.Reason("is not an OpenDocument spreadsheet (.ods), though its name says so:"
                    + " open it in LibreOffice and save it as .ods, or give it the extension of what it is (.csv)");
        }
        try {
            ZipEntry content = zip.getEntry("content.xml");
            if (content == null) {
                throw new UnreadableList.Reason("is a zip file without the content of a spreadsheet (content.xml):"
                        + " open it in LibreOffice and save it again as .ods");
            }
            InputStream in = zip.getInputStream(content);
            XMLStreamReader reader = SheetXml.factory().createXMLStreamReader(in);
            List<String> names = new ArrayList<>();
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && "table".equals(reader.getLocalName())
                        && OdsXml.TABLE.equals(reader.getNamespaceURI())) {
                    String sheet = reader.getAttributeValue(OdsXml.TABLE, "name");
                    names.add(sheet);
                    if (wanted == null || wanted.equals(sheet)) {
                        return new OdsSheet(zip, new OdsXml(in, reader), sheet);
                    }
                    OdsXml.skip(reader);
                }
            }
            throw new UnreadableList.Reason(names.isEmpty() ? "the spreadsheet has no sheet"
                    : "has no sheet '" + wanted + "': its sheets are " + String.join(", ", names)
                    + "; check 'sheet' in the campaign file (upper and lower case count)");
        } catch (UnreadableList.Reason e) {
            closeQuietly(zip);
            throw e;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            closeQuietly(zip);
            throw new UnreadableList.Reason("cannot be read as an OpenDocument spreadsheet (the file is damaged or"
                    + " incomplete): open it in LibreOffice and save it again as .ods");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "an OpenDocument spreadsheet";
    }

    @Override
    public boolean columnHidden(int column) {
        return xml.hiddenColumns().stream().anyMatch(span -> column >= span[0] && column <= span[1]);
    }

    @Override
    public SheetRow next() {
        try {
            SheetRow row = xml.next();
            if (row == null) {
                close();
            }
            return row;
        } catch (XMLStreamException | RuntimeException e) {
            close();
            throw new IllegalStateException("the sheet " + name + " is damaged: open it in LibreOffice and save it"
                    + " again", e);
        }
    }

    @Override
    public void close() {
        xml.close();
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // Only read from: nothing lost, nothing the user could do.
        }
    }
}
