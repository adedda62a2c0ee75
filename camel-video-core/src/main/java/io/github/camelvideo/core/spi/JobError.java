package io.github.camelvideo.core.spi;

import java.util.List;

/**
 * The error a failed job reports.
 *
 * @param code     the provider's error code, or {@code null}
 * @param message  the provider's message
 * @param category what kind of failure it is
 * @param reasons  further reasons (for example safety-filter reasons), possibly empty
 */
public record JobError(String code, String message, ErrorCategory category, List<String> reasons) {

    public JobError {
        category = category == null ? ErrorCategory.UNKNOWN : category;
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
