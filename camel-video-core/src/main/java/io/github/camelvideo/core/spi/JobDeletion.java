package io.github.camelvideo.core.spi;

import java.util.concurrent.CompletionStage;

/** A provider capability: deletes a finished job and its stored result at the provider. */
public interface JobDeletion {

    /**
     * Deletes a job.
     *
     * @param jobId the provider's job id
     * @return the provider's answer as it describes it (the message body of a delete operation)
     */
    CompletionStage<?> delete(String jobId);
}
