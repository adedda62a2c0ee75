package io.github.camelvideo.emulator.openai;

import java.util.List;

/** Validation of the list query parameters {@code limit} and {@code order}. */
final class ListParams {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private ListParams() {
    }

    static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalidType("limit", "an integer", "a string");
        }
        if (limit < 0) {
            throw ApiException.invalidRequest("Invalid 'limit': integer below minimum value. Expected a value >= 0, but got "
                    + limit + " instead.", "limit", "integer_below_min_value");
        }
        if (limit > MAX_LIMIT) {
            throw ApiException.invalidRequest("Invalid 'limit': integer above maximum value. Expected a value <= "
                    + MAX_LIMIT + ", but got " + limit + " instead.", "limit", "integer_above_max_value");
        }
        return limit;
    }

    static boolean ascending(String value) {
        if (value == null || value.isEmpty() || value.equals("desc")) {
            return false;
        }
        if (value.equals("asc")) {
            return true;
        }
        throw ApiException.invalidValue("order", value, List.of("asc", "desc"));
    }
}
