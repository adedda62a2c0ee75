package io.github.camelvideo.veo;

import java.io.IOException;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.github.camelvideo.core.testing.VideoRouteTestSupport;
import io.github.camelvideo.core.testing.TestClock;
import io.github.camelvideo.emulator.VideoEmulator;

/**
 * Runs a Camel context against the emulator's Gemini API and Vertex AI surfaces on a free port, with short jobs and
 * short poll intervals. The component "veo" speaks to the Gemini API; the component "vertex" is a second veo
 * component configured for Vertex AI with a fixed access token.
 */
abstract class VeoTestSupport extends VideoRouteTestSupport {

    /** Fake credentials; tests check that they never show up in logs or messages. */
    static final String API_KEY = "AIza-canary-0123456789abcdefghij";
    static final String ACCESS_TOKEN = "ya29.canary-0123456789abcdefghij";
    static final String PROJECT = "demo-project";

    static VideoEmulator emulator;

    /** The emulator's clock: a test pauses it to keep a job running for as long as it needs. */
    static final TestClock CLOCK = new TestClock();

    @BeforeAll
    static void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(400)).apiKey(API_KEY).clock(CLOCK)
                .accessToken(ACCESS_TOKEN).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        CLOCK.resume();
        emulator.faults().reset();
        emulator.clearRequests();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        newOutputDirectory("veo-test");
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
}
