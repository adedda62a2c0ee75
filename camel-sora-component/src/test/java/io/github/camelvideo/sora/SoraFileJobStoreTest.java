package io.github.camelvideo.sora;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.job.DurableState;
import io.github.camelvideo.core.job.FileJobStore;

/** A job recorded in a {@link FileJobStore} is followed by a later Camel context, as after a restart. */
class SoraFileJobStoreTest extends SoraTestSupport {

    private Path jobs;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        jobs = output.resolve(".camel-video-jobs");
        context.getComponent("sora", SoraComponent.class).setJobStore(new FileJobStore(jobs));
        return context;
    }

    @Test
    void aRestartedContextFollowsTheRecordedJobInsteadOfPayingAgain() throws Exception {
        Exchange submitted = send("sora:textToVideo?waitForCompletion=false", "Kept on disk",
                SoraConstants.IDEMPOTENCY_KEY, "order-42");
        String videoId = submitted.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        context.stop();

        FileJobStore store = new FileJobStore(jobs);
        assertThat(store.find("order-42").orElseThrow().state()).isEqualTo(DurableState.SUBMITTED);
        assertThat(Files.readString(store.fileOf("order-42"))).contains(videoId);

        try (CamelContext restarted = new DefaultCamelContext()) {
            SoraComponent sora = new SoraComponent();
            configure(sora.getConfiguration());
            sora.setJobStore(store);
            restarted.addComponent("sora", sora);
            restarted.start();
            Exchange resumed = restarted.createProducerTemplate().send("sora:textToVideo", e -> {
                e.getMessage().setBody("Kept on disk");
                e.getMessage().setHeader(SoraConstants.IDEMPOTENCY_KEY, "order-42");
            });

            assertThat(resumed.getException()).isNull();
            assertThat(resumed.getMessage().getHeader(SoraConstants.VIDEO_ID)).isEqualTo(videoId);
            assertThat(resumed.getMessage().getBody(File.class)).exists();
        }
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
    }
}
