package io.github.camelvideo.kling;

import java.io.IOException;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.github.camelvideo.core.testing.VideoRouteTestSupport;
import io.github.camelvideo.emulator.VideoEmulator;

/**
 * Runs a Camel context against the emulator's fal queue on a free port, with short jobs, short poll intervals and
 * the std (720p) tier, which renders fastest.
 */
abstract class KlingTestSupport extends VideoRouteTestSupport {

    /** A fake key; tests check that it never shows up in logs or messages. */
    static final String FAL_KEY = "fal-canary-0123456789abcdefghij";

    static VideoEmulator emulator;

    @BeforeAll
    static void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(400)).start();
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
        newOutputDirectory("kling-test");
        CamelContext context = super.createCamelContext();
        KlingComponent kling = context.getComponent("kling", KlingComponent.class);
        configure(kling.getConfiguration());
        return context;
    }

    /** Component defaults for the tests; subclasses may adjust. */
    void configure(KlingConfiguration c) {
        c.setBaseUrl(emulator.falBaseUrl());
        c.setApiKey(FAL_KEY);
        c.setMode("std");
        c.setPollInitialDelay(50);
        c.setPollMaxInterval(200);
        c.setTimeout(30_000);
        c.setOutputDirectory(output.toString());
    }
}
