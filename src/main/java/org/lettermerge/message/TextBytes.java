package org.lettermerge.message;

import jakarta.activation.DataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A text part's content as the UTF-8 bytes that go on the wire. Given a String instead, Angus writes it through
 * a character encoder into a stream that passes it on one byte at a time, three calls deep (8% of the CPU of a
 * benchmark send); from bytes it is copied in blocks.
 */
final class TextBytes implements DataSource {

    private final byte[] bytes;
    private final String contentType;

    TextBytes(byte[] bytes, String contentType) {
        this.bytes = bytes;
        this.contentType = contentType;
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public OutputStream getOutputStream() {
        throw new UnsupportedOperationException("a letter's text is fixed once built");
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getName() {
        return null;
    }
}
