package io.github.camelvideo.sora;

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
 * Runs a Camel context against an emulator of the OpenAI Videos API on a free port, with short jobs and short poll
 * intervals.
 */
abstract class SoraTestSupport extends CamelTestSupport {

    /** A fake key; tests check that it never shows up in logs or messages. */
    static final String API_KEY = "sk-canary-0123456789abcdefghij";

    static VideoEmulator emulator;
    Path output;

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
        output = Files.createTempDirectory("sora-test");
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
