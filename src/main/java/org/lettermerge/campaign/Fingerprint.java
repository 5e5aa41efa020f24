package org.lettermerge.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 hashes of what a campaign's letters are made from, part by part, so a change after letters have
 * gone out can be named ("template letter.txt.mustache changed") instead of merely detected.
 */
public final class Fingerprint {

    private Fingerprint() {}

    /** Part name → hash for the sender, subject, templates, data files and attachments. */
    public static Map<String, String> parts(Campaign c) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("from", text(c.sender().from().toUnicodeString()));
        parts.put("reply_to", text(c.sender().replyTo() == null ? "" : c.sender().replyTo().toUnicodeString()));
        // Only when set: a campaign without it keeps the hash it had before this part existed.
        if (c.sender().listUnsubscribe() != null) {
            parts.put("list_unsubscribe", text(c.sender().listUnsubscribe().getAddress()));
        }
        if (c.sender().bounceAddress() != null) {
            parts.put("bounce_address", text(c.sender().bounceAddress().getAddress()));
        }
        parts.put("subject", text(c.subject()));
        parts.put("to_name", text(c.toName() == null ? "" : c.toName()));
        parts.put("template " + relative(c, c.template()), file(c.template()));
        if (c.htmlTemplate() != null) {
            parts.put("html_template " + relative(c, c.htmlTemplate()), file(c.htmlTemplate()));
        }
        // The sheet joins the name only when one is chosen: a campaign without one keeps the hash it had before.
        c.data().forEach((name, path) -> parts.put("data " + name + " " + relative(c, path)
                + (c.sheets().of(name) == null ? "" : " sheet " + c.sheets().of(name)), file(path)));
        c.attachments().forEach(path -> parts.put("attachment " + relative(c, path), file(path)));
        return parts;
    }

    /** One hash over all parts, in a stable order. */
    public static String overall(Map<String, String> parts) {
        StringBuilder all = new StringBuilder();
        new TreeMap<>(parts).forEach((k, v) -> all.append(k).append('=').append(v).append('\n'));
        return text(all.toString());
    }

    /** A recipient row's hash: its fields in name order, so column order in the CSV does not matter. */
    public static String row(Map<String, String> fields) {
        StringBuilder all = new StringBuilder();
        new TreeMap<>(fields).forEach((k, v) -> all.append(k).append('\u0000').append(v).append('\u0001'));
        return text(all.toString());
    }

    public static String text(String s) {
        return hex(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String file(Path path) {
        try {
            return Files.isRegularFile(path) ? hex(Files.readAllBytes(path)) : "missing";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Paths in part names are relative to the campaign file, so moving the whole folder changes nothing. */
    private static String relative(Campaign c, Path path) {
        return c.folder().relativize(path).toString();
    }
}
