package io.github.camelvideo.veo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.github.camelvideo.core.job.Failures;
import io.github.camelvideo.emulator.VideoEmulator;

/**
 * Runs a Camel context against the emulator's Gemini API and Vertex AI surfaces on a free port, with short jobs and
 * short poll intervals. The component "veo" speaks to the Gemini API; the component "vertex" is a second veo
 * component configured for Vertex AI with a fixed access token.
 */
abstract class VeoTestSupport extends CamelTestSupport {

    /** Fake credentials; tests check that they never show up in logs or messages. */
    static final String API_KEY = "AIza-canary-0123456789abcdefghij";
    static final String ACCESS_TOKEN = "ya29.canary-0123456789abcdefghij";
    static final String PROJECT = "demo-project";

    static VideoEmulator emulator;
    Path output;

    @BeforeAll
    static void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(400)).apiKey(API_KEY)
                .accessToken(ACCESS_TOKEN).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        emulator.faults().reset();
        emulator.clearRequests();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        output = Files.createTempDirectory("veo-test");
        CamelContext context = super.createCamelContext();
        configureGemini(context.getComponent("veo", VeoComponent.class).getConfiguration());
        VeoComponent vertex = new VeoComponent();
        configureVertex(vertex.getConfiguration());
        context.addComponent("vertex", vertex);
        return context;
    }

    /** Defaults of the Gemini API component; subclasses may adjust. */
    void configureGemini(VeoConfiguration c) {
        c.setBaseUrl(emulator.geminiBaseUrl());
        c.setApiKey(API_KEY);
        shortWaits(c);
    }

    /** Defaults of the Vertex AI component; subclasses may adjust. */
    void configureVertex(VeoConfiguration c) {
        c.setProvider(VeoConfiguration.VERTEX);
        c.setBaseUrl(emulator.vertexBaseUrl());
        c.setStorageBaseUrl(emulator.storageBaseUrl());
        c.setProjectId(PROJECT);
        c.setAccessToken(ACCESS_TOKEN);
        shortWaits(c);
    }

    private void shortWaits(VeoConfiguration c) {
        c.setPollInitialDelay(50);
        c.setPollMaxInterval(200);
        c.setTimeout(30_000);
        c.setOutputDirectory(output.toString());
    }

    /** Sends a message and returns the resulting exchange (failed or not). */
    Exchange send(String uri, Object body, Object... headers) {
        return template.send(uri, e -> {
            e.getMessage().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                e.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    static Throwable failureOf(Exchange exchange) {
        Exception e = exchange.getException();
        return e instanceof CamelExecutionException ? Failures.unwrap(e.getCause()) : e;
    }

    /** Every file in the output directory, hidden ones included. */
    List<Path> outputFiles() throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.toList();
        }
    }
}
