package org.lettermerge.campaign;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;

/**
 * A YAML document as a tree whose every node knows its line. Jackson's own trees drop locations and its
 * data binding stops at the first error; walking this tree lets the campaign reader report every unknown
 * key and wrong type at once, each with file:line.
 */
sealed interface YamlTree {

    int line();

    /** A scalar; {@code text} is null for YAML null ("~" or an empty value). */
    record Scalar(String text, int line) implements YamlTree {}

    record Mapping(Map<String, YamlTree> entries, Map<String, Integer> keyLines, int line) implements YamlTree {}

    record Sequence(List<YamlTree> items, int line) implements YamlTree {}

    static YamlTree read(Path file) {
        try (JsonParser parser = new YAMLFactory().createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidInputException(Problem.error(Problem.display(file), "the file is empty"));
            }
            return readValue(parser, file);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            List<String> lines = linesOf(file);
            int line = YamlErrors.line(lines, where == null ? 0 : where.getLineNr(), e.getOriginalMessage());
            throw new InvalidInputException(Problem.error(Problem.at(file, line),
                    YamlErrors.explain(lines, line, e.getOriginalMessage())));
        } catch (CharConversionException e) {
            throw new InvalidInputException(Problem.error(Problem.display(file), YamlErrors.NOT_UTF8));
        } catch (IOException e) {
            throw new InvalidInputException(Problem.error(Problem.display(file), "cannot be read ("
                    + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()) + "): check the path"));
        }
    }

    /** The file's lines to explain an error with; none if it cannot be read again (the parser's line still shows). */
    private static List<String> linesOf(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static YamlTree readValue(JsonParser parser, Path file) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlTree> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    if (entries.containsKey(key)) {
                        throw new InvalidInputException(Problem.error(Problem.at(file, keyLine),
                                "'" + key + "' appears twice (first on line " + keyLines.get(key) + "): keep one"));
                    }
                    parser.nextToken();
                    keyLines.put(key, keyLine);
                    entries.put(key, readValue(parser, file));
                }
                return new Mapping(entries, keyLines, line);
            }
            case START_ARRAY -> {
                List<YamlTree> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, file));
                }
                return new Sequence(items, line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, line);
            }
            default -> {
                return new Scalar(parser.getText(), line);
            }
        }
    }
}
