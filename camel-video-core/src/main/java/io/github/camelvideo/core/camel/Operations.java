package io.github.camelvideo.core.camel;

import java.util.Arrays;
import java.util.stream.Collectors;

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
        for (E op : type.getEnumConstants()) {
            if (op.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown " + component + " operation '" + value + "'. Valid operations: "
                                           + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                                                   .collect(Collectors.joining(", ")));
    }
}
