package io.github.camelvideo.core.camel;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

/** Parses a component's operation names. */
public final class Operations {

    private Operations() {
    }

    /**
     * The operation of {@code type} named {@code value} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the valid operations
     */
    public static <E extends Enum<E>> E fromValue(Class<E> type, String value, String component) {
        E op = find(type, value);
        if (op == null) {
            throw new IllegalArgumentException("Unknown " + component + " operation '" + value
                                               + "'. Valid operations: " + names(type));
        }
        return op;
    }

    /**
     * The operation of {@code type} named by a message header that overrides the endpoint's operation.
     *
     * @throws VideoRequestInvalidException naming the header, the value and the valid operations
     */
    public static <E extends Enum<E>> E fromHeader(Class<E> type, String header, String value) {
        E op = find(type, value);
        if (op == null) {
            throw new VideoRequestInvalidException("Invalid " + header + " header: unknown operation '" + value
                                                   + "'. Allowed: " + names(type), header);
        }
        return op;
    }

    private static <E extends Enum<E>> E find(Class<E> type, String value) {
        String name = value == null ? "" : value.trim();
        return Arrays.stream(type.getEnumConstants()).filter(op -> op.name().equalsIgnoreCase(name)).findFirst()
                .orElse(null);
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
