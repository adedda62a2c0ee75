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
import io.github.camelvideo.core.job.JobRecovery;
import io.github.camelvideo.core.testing.CapturedLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job an earlier run left {@code PENDING} (it stopped after recording the job, before the create request's answer
 * was stored) is in doubt when the component starts again: reported, and never sent again.
 */
class SoraRestartTest extends SoraTestSupport {

    private Path records;
    private CapturedLog log;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        records = Files.createTempDirectory("sora-restart");
        try (FileJobStore earlierRun = new FileJobStore(records)) {
            earlierRun.createIfAbsent(JobRecord.pending("order-crashed", "openai", "sha256:1234", null,
                    Map.of("OrderId", "crashed")));
        }
        log = CapturedLog.of(JobRecovery.class);
        CamelContext context = super.createCamelContext();
        context.getComponent("sora", SoraComponent.class).setJobStoreDirectory(records.toString());
        return context;
    }

    @Test
    void aPendingJobOfAnEarlierRunIsInDoubtReportedAndNeverSentAgain() throws Exception {
        try (CapturedLog captured = log; FileJobStore store = new FileJobStore(records)) {
            JobRecord record = store.find("order-crashed").orElseThrow();
            assertThat(record.state()).isEqualTo(DurableState.IN_DOUBT);
            assertThat(record.failure().message()).contains("stopped");
            assertThat(captured.lines()).anySatisfy(line -> assertThat(line).contains("order-crashed")
                    .contains("in doubt").contains("not sent again"));

            Throwable e = failureOf(send("sora:textToVideo", "A prompt", SoraConstants.IDEMPOTENCY_KEY,
                    "order-crashed"));

            assertThat(e).isInstanceOf(VideoSubmissionInDoubtException.class).hasMessageContaining("order-crashed");
            assertThat(emulator.requests("POST", "/v1/videos")).isEmpty();
        }
    }
}
