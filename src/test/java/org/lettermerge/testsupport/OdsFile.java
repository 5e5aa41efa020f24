package org.lettermerge.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an OpenDocument spreadsheet for a test, with the JDK's zip: Maven Central has no maintained ODS library
 * (the files LibreOffice itself saved are fixtures under src/test/resources). The package is what the standard
 * asks for (OpenDocument 1.3 part 2, 3.3): an uncompressed "mimetype" entry first, a manifest, the content.
 */
public final class OdsFile {

    public static final String NAMESPACES = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
            + " xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\"";

    private OdsFile() {
    }

    /** One sheet named {@code sheet} whose cells are text, one list per row. */
    public static Path of(Path file, String sheet, List<List<String>> rows) throws IOException {
        StringBuilder xml = new StringBuilder();
        for (List<String> row : rows) {
            xml.append("<table:table-row>");
            for (String value : row) {
                xml.append(value.isEmpty() ? "<table:table-cell/>" : "<table:table-cell office:value-type=\"string\">"
                        + "<text:p>" + escape(value) + "</text:p></table:table-cell>");
            }
            xml.append("</table:table-row>");
        }
        return write(file, table(sheet, xml.toString()));
    }

    public static String table(String name, String rowsXml) {
        return "<table:table table:name=\"" + escape(name) + "\">" + rowsXml + "</table:table>";
    }

    /** A spreadsheet whose office:spreadsheet holds {@code tablesXml} as written. */
    public static Path write(Path file, String tablesXml) throws IOException {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + NAMESPACES
                + " office:version=\"1.3\"><office:body><office:spreadsheet>" + tablesXml
                + "</office:spreadsheet></office:body></office:document-content>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
                + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
                + "<manifest:file-entry manifest:full-path=\"/\""
                + " manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /** The text as text:p content: XML escaped, and every space that a reader would collapse written as text:s. */
    public static String escape(String text) {
        StringBuilder xml = new StringBuilder();
        char previous = '\n';
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\n' -> xml.append("<text:line-break/>");
                case '\t' -> xml.append("<text:tab/>");
                case ' ' -> xml.append(previous == ' ' || previous == '\n' || previous == '\t' ? "<text:s/>" : " ");
                default -> xml.append(c);
            }
            previous = c;
        }
        return xml.toString();
    }
}
