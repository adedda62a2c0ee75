package io.github.camelvideo.sora;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.camel.VideoEngine;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.testing.TestClock;
import io.github.camelvideo.emulator.VideoEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of jobs wait at once on the engine's fixed pools. The emulator's clock is paused while the jobs are
 * submitted, so every one of them is provably waiting at the same time (the tracker counts them), whatever the
 * machine's speed; then the clock moves past the jobs' duration and all of them complete.
 */
class SoraConcurrencyTest extends SoraTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SoraConcurrencyTest.class);
    private static final TestClock CLOCK = new TestClock();

    /** Jobs of 10 s on a clock the test moves; the server asks for a poll every 4 s. */
    @BeforeAll
    static void emulatorOnATestClock() throws IOException {
        emulator.close();
        emulator = VideoEmulator.builder().jobDuration(Duration.ofSeconds(10)).pollAfterMs(4000).clock(CLOCK)
                .start();
    }

    @AfterEach
    void clockRunsAgain() {
        CLOCK.resume();
    }

    /**
     * Thousands of jobs: the in-memory store keeps the test about the engine, not about the file store's fsyncs (with
     * the default file store the test writes 20,000 fsynced records).
     */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PropertyBindingSupport.build().bind(context, context.getComponent("sora"), "jobStore", "#memoryJobStore");
        return context;
    }

    @Override
    void configure(SoraConfiguration c) {
        super.configure(c);
        c.setMaxConcurrentJobs(0);
        c.setPollInitialDelay(3000);
        c.setPollMaxInterval(4000);
        c.setTimeout(300_000); // far beyond the test: a slow machine must not turn waits into timeouts
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:status").routeId("status").to("sora:textToVideo?seconds=4&size=720x1280&download=false");
                from("direct:files").routeId("files").to("sora:textToVideo?seconds=4&size=720x1280");
            }
        };
    }

    @Test
    void fiveThousandJobsWaitAtOnceAndAllComplete() throws Exception {
        List<Exchange> finished = waitAtOnceThenComplete("direct:status", 5_000);
        assertThat(finished).allSatisfy(e -> assertThat(e.getMessage().getHeader(SoraConstants.STATUS))
                .isEqualTo("completed"));
    }

    @Test
    void fiveHundredWaitingJobsAllDownloadTheirFile() throws Exception {
        List<Exchange> finished = waitAtOnceThenComplete("direct:files", 500);
        assertThat(finished).allSatisfy(e -> assertThat(e.getMessage().getBody(File.class)).exists());
    }

    private List<Exchange> waitAtOnceThenComplete(String uri, int jobs) throws Exception {
        VideoEngine engine = context.getComponent("sora", SoraComponent.class).engine();
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        producer.start();
        CLOCK.pause();

        ConcurrentLinkedQueue<Exchange> finished = new ConcurrentLinkedQueue<>();
        CountDownLatch all = runJobs(producer, jobs, finished);
        await().atMost(120, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> engine.tracker().waiting() + finished.size() >= jobs);
        assertThat(finished).as("nothing ends while the clock stands").isEmpty();
        assertThat(engine.tracker().waiting()).as("every job waits at the same time").isEqualTo(jobs);

        CLOCK.advance(Duration.ofSeconds(11));
        assertThat(all.await(180, TimeUnit.SECONDS)).as("all jobs completed").isTrue();

        List<Exchange> done = List.copyOf(finished);
        long untyped = done.stream().filter(e -> e.getException() != null)
                .filter(e -> !(e.getException() instanceof VideoException)).count();
        assertThat(untyped).as("untyped failures").isZero();
        assertThat(done).hasSize(jobs).allSatisfy(e -> assertThat(e.getException()).isNull());
        // a finished wait leaves the tracker in a completion step that may run after its exchange completed
        await().atMost(10, TimeUnit.SECONDS).until(() -> engine.tracker().waiting() == 0);
        await().atMost(10, TimeUnit.SECONDS).until(() -> context.getInflightRepository().size() == 0);
        assertThat(emulator.requests("POST", "/v1/videos")).as("one create per job").hasSize(jobs);

        VideoEngine.EngineThreads threads = engine.largestThreads();
        LOG.info("{} jobs waited at once on engine threads {}", jobs, threads);
        assertThat(threads.timer()).isEqualTo(1);
        assertThat(threads.http()).isLessThanOrEqualTo(4);
        assertThat(threads.worker()).isLessThanOrEqualTo(8);
        producer.stop();
        return done;
    }

    private CountDownLatch runJobs(AsyncProducer producer, int n, ConcurrentLinkedQueue<Exchange> finished) {
        CountDownLatch latch = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("Scene number " + i);
            producer.process(exchange, doneSync -> {
                finished.add(exchange);
                latch.countDown();
            });
        }
        return latch;
    }
}
