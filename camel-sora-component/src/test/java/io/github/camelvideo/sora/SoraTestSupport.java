package io.github.camelvideo.sora;

import java.io.IOException;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.github.camelvideo.core.testing.VideoRouteTestSupport;
import io.github.camelvideo.emulator.VideoEmulator;

/**
 * Runs a Camel context against an emulator of the OpenAI Videos API on a free port, with short jobs and short poll
 * intervals.
 */
abstract class SoraTestSupport extends VideoRouteTestSupport {

    /** A fake key; tests check that it never shows up in logs or messages. */
    static final String API_KEY = "sk-canary-0123456789abcdefghij";

    static VideoEmulator emulator;

    @BeforeAll
    static void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(400)).pollAfterMs(50).start();
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
        newOutputDirectory("sora-test");
        CamelContext context = super.createCamelContext();
        SoraComponent sora = context.getComponent("sora", SoraComponent.class);
        configure(sora.getConfiguration());
        return context;
    }

    /** Component defaults for the tests; subclasses may adjust. */
    void configure(SoraConfiguration c) {
        c.setBaseUrl(emulator.baseUrl());
        c.setApiKey(API_KEY);
        c.setPollInitialDelay(50);
        c.setPollMaxInterval(200);
        c.setTimeout(30_000);
        c.setOutputDirectory(output.toString());
    }
}
