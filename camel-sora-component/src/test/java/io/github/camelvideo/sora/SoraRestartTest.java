package io.github.camelvideo.sora;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.job.DurableState;
import io.github.camelvideo.core.job.FileJobStore;
import io.github.camelvideo.core.job.JobRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job an earlier run left {@code PENDING} (it stopped after recording the job, before the create request's answer
 * was stored) is never sent again: an exchange under its key looks for it in the provider's list, and with nothing
 * to recognise it by it fails as in doubt and the record becomes {@code IN_DOUBT} ({@link SoraJobsConsumerTest} shows
 * a job found and adopted).
 */
class SoraRestartTest extends SoraTestSupport {

    private Path records;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        records = Files.createTempDirectory("sora-restart");
        try (FileJobStore earlierRun = new FileJobStore(records)) {
            earlierRun.createIfAbsent(JobRecord.pending("order-crashed", "openai", "sha256:1234", null,
                    Map.of("OrderId", "crashed")));
        }
        CamelContext context = super.createCamelContext();
        context.getComponent("sora", SoraComponent.class).setJobStoreDirectory(records.toString());
        return context;
    }

    @Test
    void aPendingJobOfAnEarlierRunIsNeverSentAgain() throws Exception {
        try (FileJobStore store = new FileJobStore(records)) {
            Throwable e = failureOf(send("sora:textToVideo", "A prompt", SoraConstants.IDEMPOTENCY_KEY,
                    "order-crashed"));

            assertThat(e).isInstanceOf(VideoSubmissionInDoubtException.class).hasMessageContaining("order-crashed");
            assertThat(emulator.requests("POST", "/v1/videos")).isEmpty();
            assertThat(store.find("order-crashed").orElseThrow().state()).isEqualTo(DurableState.IN_DOUBT);
        }
    }
}
