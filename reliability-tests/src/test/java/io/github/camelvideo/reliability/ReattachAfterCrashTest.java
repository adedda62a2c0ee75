package io.github.camelvideo.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.job.FileJobStore;
import io.github.camelvideo.core.job.JobRecord;
import io.github.camelvideo.emulator.VideoEmulator;
import io.github.camelvideo.sora.SoraComponent;
import io.github.camelvideo.sora.SoraConstants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crash seen one job at a time: after a restart, the inbox's file (or a JMS message) comes again while the killed
 * run's lease on its job still runs, and the restarted application's completion consumer is waiting for that lease to
 * expire. The redelivered exchange keeps the job (it is claimed for it once the dead lease expired) and the consumer
 * leaves it alone, so the job has one outcome: a running job is waited for and downloaded once, and a job left
 * {@code PENDING} is found in the provider's list and its video given to the exchange, not reported in doubt.
 */
class ReattachAfterCrashTest {

    private static final Duration LEASE = Duration.ofSeconds(1);

    @TempDir
    Path output;
    private VideoEmulator emulator;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        // jobs outlast the dead lease: the consumer takes a job over while the redelivered exchange still waits
        emulator = VideoEmulator.builder().jobDuration(Duration.ofSeconds(4)).pollAfterMs(50).start();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        emulator.close();
    }

    @Test
    void aJobARedeliveredExchangeCollectedIsNotEmittedByTheConsumer() throws Exception {
        String key = "order-submitted";
        submitWithoutWaiting(key);
        leaseToADeadRun(key);
        startApplication();

        Exchange redelivered = send(key);

        assertThat(redelivered.getException()).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(state(key)));
        MockEndpoint collected = context.getEndpoint("mock:collected", MockEndpoint.class);
        // the dead lease expired long before: a consumer that took the job over delivers it about now
        await().during(LEASE.multipliedBy(2)).atMost(LEASE.multipliedBy(5)).untilAsserted(() ->
                assertThat(collected.getReceivedCounter()).as("exchanges the completion consumer emitted").isZero());
        assertThat(emulator.requests("GET", "/v1/videos/[^/]+/content")).as("downloads").hasSize(1);
    }

    @Test
    void aRedeliveredExchangeOfAPendingJobTheListFindsGetsTheVideo() throws Exception {
        String key = "order-pending";
        String prompt = WorkDirectory.prompt(key);
        // the killed run recorded the job, sent its create request, and died before storing the answer
        try (FileJobStore store = new FileJobStore(store())) {
            store.createIfAbsent(JobRecord.pending(key, "openai", "sha256:unknown", null, Map.of())
                    .describing(null, Map.of("kind", "CREATE", "prompt", prompt, "model", "sora-2", "seconds", "4")));
            store.claim(key, "killed-run", Instant.now().plus(LEASE));
        }
        try (VideoInstance killedRun = VideoInstance.start(emulator.baseUrl(), output.resolve("elsewhere"), null)) {
            assertThat(killedRun.send("sora:textToVideo?seconds=4&waitForCompletion=false", key).getException())
                    .isNull(); // the create request the killed run sent: the provider accepted it
        }
        startApplication();

        Exchange redelivered = send(key);

        assertThat(redelivered.getException()).as("the redelivered exchange's failure").isNull();
        MockEndpoint collected = context.getEndpoint("mock:collected", MockEndpoint.class);
        await().during(LEASE.multipliedBy(2)).atMost(LEASE.multipliedBy(5)).untilAsserted(() ->
                assertThat(collected.getReceivedCounter()).as("exchanges the completion consumer emitted").isZero());
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
    }

    @Test
    void aDownloadedJobARedeliveredExchangeCollectedIsNotEmittedByTheConsumer() throws Exception {
        String key = "order-downloaded";
        // the killed run downloaded the video and died before its route finished: the record stays DOWNLOADED
        JobRecord done;
        try (VideoInstance killedRun = VideoInstance.start(emulator.baseUrl(), output.resolve("elsewhere"), null)) {
            assertThat(killedRun.send("sora:textToVideo?seconds=4", key).getException()).isNull();
        }
        try (FileJobStore elsewhere = new FileJobStore(output.resolve("elsewhere").resolve(".camel-video-jobs"))) {
            done = elsewhere.find(key).orElseThrow();
        }
        try (FileJobStore store = new FileJobStore(store())) {
            JobRecord pending = store.createIfAbsent(JobRecord.pending(key, "openai", done.requestDigest(), null,
                    Map.of())).record();
            JobRecord submitted = store.update(pending.submitted(done.ref())).orElseThrow();
            store.update(submitted.downloaded(done.outputFile())).orElseThrow();
            store.claim(key, "killed-run", Instant.now().plus(LEASE));
        }
        startApplication();

        Exchange redelivered = send(key);

        assertThat(redelivered.getException()).isNull();
        assertThat(redelivered.getMessage().getBody(java.io.File.class)).hasSameBinaryContentAs(
                done.outputFile().toFile());
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(state(key)));
        MockEndpoint collected = context.getEndpoint("mock:collected", MockEndpoint.class);
        await().during(LEASE.multipliedBy(2)).atMost(LEASE.multipliedBy(5)).untilAsserted(() ->
                assertThat(collected.getReceivedCounter()).as("exchanges the completion consumer emitted").isZero());
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
    }

    /** A job submitted by a run that did not wait: SUBMITTED, nobody follows it. */
    private void submitWithoutWaiting(String key) throws Exception {
        try (VideoInstance earlier = VideoInstance.start(emulator.baseUrl(), output, null)) {
            assertThat(earlier.send("sora:textToVideo?seconds=4&waitForCompletion=false", key).getException())
                    .isNull();
        }
    }

    /** The job's lease held by a run that was killed a moment ago (it renewed the lease just before). */
    private void leaseToADeadRun(String key) throws java.io.IOException {
        try (FileJobStore store = new FileJobStore(store())) {
            assertThat(store.claim(key, "killed-run", Instant.now().plus(LEASE))).isPresent();
        }
    }

    private void startApplication() throws Exception {
        context = new DefaultCamelContext();
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setBaseUrl(emulator.baseUrl());
        sora.getConfiguration().setApiKey(VideoApplication.API_KEY);
        sora.getConfiguration().setOutputDirectory(output.toString());
        sora.getConfiguration().setPollInitialDelay(50);
        sora.getConfiguration().setPollMaxInterval(200);
        sora.setLeaseDuration(LEASE.toMillis());
        context.addComponent("sora", sora);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("sora:jobs").to("mock:collected");
            }
        });
        context.start();
    }

    private Exchange send(String key) {
        ProducerTemplate template = context.createProducerTemplate();
        return template.send("sora:textToVideo?seconds=4", e -> {
            e.getMessage().setBody(WorkDirectory.prompt(key));
            e.getMessage().setHeader(SoraConstants.IDEMPOTENCY_KEY, key);
        });
    }

    /** The state recorded for the key, read from the file store's JSON (the running application holds the store). */
    private String state(String key) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(store())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
                if (key.equals(json.get("key").asText())) {
                    return json.get("state").asText();
                }
            }
        }
        return null;
    }

    private Path store() {
        return output.resolve(".camel-video-jobs");
    }
}
