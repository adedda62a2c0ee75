package io.github.camelvideo.core.protocol.fal;

import java.util.List;

/**
 * An error answer of fal, in either of its two documented shapes: a model error, whose {@code detail} is a list of
 * typed items ({@code loc}, {@code msg}, {@code type}, and for a content filter {@code categories}), or a request
 * error, whose {@code detail} is text and whose {@code error_type} (also sent as {@code X-Fal-Error-Type}) names the
 * infrastructure failure.
 *
 * @param httpStatus the HTTP status of the answer
 * @param errorType  the request error's category (such as {@code request_timeout}), or the first item's type, or
 *                   {@code null}
 * @param message    the text of the error
 * @param items      the model error's items; empty for a request error
 * @param falBody    whether the body was one of fal's shapes (a gateway's own error page is not)
 */
public record FalError(int httpStatus, String errorType, String message, List<Item> items, boolean falBody) {

    /** The type fal's content checkers give a refused input or output. */
    public static final String CONTENT_POLICY_VIOLATION = "content_policy_violation";

    public FalError {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * One item of a model error.
     *
     * @param field      the last element of {@code loc}: the input field at fault, or {@code null}
     * @param message    {@code msg}
     * @param type       {@code type}, such as {@code content_policy_violation} or {@code literal_error}
     * @param categories a content filter's {@code categories} (such as {@code sexual}), possibly empty
     */
    public record Item(String field, String message, String type, List<String> categories) {

        public Item {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /** Whether a content checker refused the input or the output. */
    public boolean isContentPolicy() {
        return items.stream().anyMatch(i -> CONTENT_POLICY_VIOLATION.equals(i.type()));
    }

    /** The field at fault named by the first item that names one, or {@code null}. */
    public String field() {
        return items.stream().map(Item::field).filter(f -> f != null).findFirst().orElse(null);
    }

    /** The content filter's reasons: its categories, else the items' messages. */
    public List<String> reasons() {
        List<String> categories = items.stream().flatMap(i -> i.categories().stream()).distinct().toList();
        return categories.isEmpty() ? items.stream().map(Item::message).toList() : categories;
    }
}
