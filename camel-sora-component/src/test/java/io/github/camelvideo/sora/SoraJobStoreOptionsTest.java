package io.github.camelvideo.sora;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.job.DurableState;
import io.github.camelvideo.core.job.FileJobStore;
import io.github.camelvideo.core.job.InMemoryJobStore;
import io.github.camelvideo.core.job.JobStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With no jobStore set, jobs are recorded on disk next to the videos; #memoryJobStore keeps them in memory. */
class SoraJobStoreOptionsTest extends SoraTestSupport {

    @Test
    void theDefaultStoreIsAFileStoreInTheOutputDirectory() throws Exception {
        SoraComponent sora = context.getComponent("sora", SoraComponent.class);
        assertThat(sora.getJobStore()).isInstanceOf(FileJobStore.class);

        Exchange result = send("sora:textToVideo", "A prompt", SoraConstants.IDEMPOTENCY_KEY, "order-9");

        assertThat(result.getException()).isNull();
        Path records = output.resolve(".camel-video-jobs");
        assertThat(sora.jobStorePath()).isEqualTo(records);
        assertThat(jsonFiles(records)).hasSize(1);
        JobStore reopened = new FileJobStore(records);
        await().untilAsserted(() -> assertThat(reopened.find("order-9").orElseThrow().state())
                .isEqualTo(DurableState.DELIVERED));
    }

    @Test
    void jobStoreDirectoryMovesTheRecords() throws Exception {
        Path elsewhere = Files.createTempDirectory("sora-jobs");
        SoraComponent sora = new SoraComponent();
        configure(sora.getConfiguration());
        sora.setJobStoreDirectory(elsewhere.toString());
        context.addComponent("elsewhere", sora);

        assertThat(send("elsewhere:textToVideo", "A prompt").getException()).isNull();

        assertThat(jsonFiles(elsewhere)).hasSize(1);
        assertThat(outputFiles()).noneMatch(f -> f.getFileName().toString().equals(".camel-video-jobs"));
    }

    @Test
    void memoryJobStoreIsBoundByNameButNeverAutowired() {
        SoraComponent sora = new SoraComponent();
        CamelContext ctx = context;
        ctx.addComponent("memorySora", sora);
        PropertyBindingSupport.build().bind(ctx, sora, "jobStore", "#memoryJobStore");

        assertThat(sora.getJobStore()).isInstanceOf(InMemoryJobStore.class);
        assertThat(ctx.getRegistry().findByType(JobStore.class)).isEmpty();
    }

    private static java.util.List<Path> jsonFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
        }
    }
}
