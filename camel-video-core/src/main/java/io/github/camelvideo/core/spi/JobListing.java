package io.github.camelvideo.core.spi;

import java.util.concurrent.CompletionStage;

/**
 * A provider capability: lists the jobs the account holds, a page at a time (the OpenAI Videos protocol's
 * {@code GET /videos}).
 */
public interface JobListing {

    /**
     * Reads one page of jobs.
     *
     * @param after the id of the last job of the previous page, or {@code null} for the first page
     * @param limit how many jobs at most
     * @param order {@code asc} or {@code desc} by creation time
     * @return the provider's page as it describes it (the message body of a list operation)
     */
    CompletionStage<?> list(String after, int limit, String order);
}
