package io.github.camelvideo.emulator.core;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the emulator keeps one kind of record (OpenAI videos, Veo operations, recorded requests)
 * across its own restarts: one JSON document per name. {@link #NONE} keeps nothing, the default
 * when no state directory is configured.
 */
public interface JsonFolder {

    /** Keeps nothing and finds nothing. */
    JsonFolder NONE = new JsonFolder() {
        @Override
        public void save(String name, JsonNode document) {
        }

        @Override
        public void remove(String name) {
        }

        @Override
        public <T> List<T> load(Function<JsonNode, T> decoder) {
            return List.of();
        }
    };

    /** Stores {@code document} under {@code name}, replacing an earlier one; a reader sees the old or the new, never a mix. */
    void save(String name, JsonNode document);

    /** Forgets the document of {@code name}, if any. */
    void remove(String name);

    /**
     * Every stored document, decoded, in name order. A document that cannot be read or decoded (a
     * file edited by hand, a format this version does not know) is reported by name and skipped,
     * never deleted.
     *
     * @param decoder turns a document into a record; may throw on a document it does not understand
     */
    <T> List<T> load(Function<JsonNode, T> decoder);
}
