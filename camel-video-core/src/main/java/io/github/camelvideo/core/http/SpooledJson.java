package io.github.camelvideo.core.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON document from a file in one streaming pass, decoding named base64 fields (a whole video sent inline)
 * straight into files instead of holding them as strings. Such a field is replaced in the tree by
 * {@value #SPOOLED_FIELD} holding the absolute path of the decoded file, so the tree stays small whatever the media
 * size.
 */
public final class SpooledJson {

    /** The field that replaces a decoded base64 field. */
    public static final String SPOOLED_FIELD = "spooledFile";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Set<String> binaryFields;
    private final Path spoolDirectory;

    /**
     * @param binaryFields   names of the fields holding base64 media
     * @param spoolDirectory where decoded media is written
     */
    public SpooledJson(Set<String> binaryFields, Path spoolDirectory) {
        this.binaryFields = Set.copyOf(binaryFields);
        this.spoolDirectory = spoolDirectory;
    }

    /** Parses a document; decoded files are left for the caller to move or delete. */
    public JsonNode read(Path json) throws IOException {
        try (JsonParser parser = JsonApi.MAPPER.getFactory().createParser(json.toFile())) {
            JsonToken first = parser.nextToken();
            return first == null ? NODES.missingNode() : value(parser);
        }
    }

    private JsonNode value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            default -> JsonApi.MAPPER.readTree(p);
        };
    }

    private ObjectNode object(JsonParser p) throws IOException {
        ObjectNode node = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            if (token == JsonToken.VALUE_STRING && binaryFields.contains(name)) {
                node.put(SPOOLED_FIELD, decode(p).toAbsolutePath().toString());
            } else {
                node.set(name, value(p));
            }
        }
        return node;
    }

    private ArrayNode array(JsonParser p) throws IOException {
        ArrayNode node = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            node.add(value(p));
        }
        return node;
    }

    private Path decode(JsonParser p) throws IOException {
        Files.createDirectories(spoolDirectory);
        Path file = spoolDirectory.resolve(".inline-" + UUID.randomUUID() + ".part");
        try (OutputStream out = Files.newOutputStream(file)) {
            // decodes chunk by chunk from the parser's buffer: the base64 text never exists as one string
            p.readBinaryValue(Base64Variants.MIME_NO_LINEFEEDS, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }
}
