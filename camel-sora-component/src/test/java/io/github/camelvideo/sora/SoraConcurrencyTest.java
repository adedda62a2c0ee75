package io.github.camelvideo.sora;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.emulator.VideoEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 500 jobs wait at once; the threads that serve them are a fixed set, so the number of live threads does not grow
 * with the number of waiting jobs.
 */
class SoraConcurrencyTest extends SoraTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SoraConcurrencyTest.class);
    private static final int JOBS = 500;

    /** Jobs of 6 s, long enough to observe all 500 waiting at once; polls once a second as the server hints. */
    @BeforeAll
    static void slowerEmulator() throws IOException {
        emulator.close();
        emulator = VideoEmulator.builder().jobDuration(Duration.ofSeconds(6)).pollAfterMs(1000).start();
    }

    @Override
    void configure(SoraConfiguration c) {
        super.configure(c);
        c.setMaxConcurrentJobs(0);
        c.setPollMaxInterval(2000);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:many").routeId("many").to("sora:textToVideo?seconds=4&size=720x1280");
            }
        };
    }

    @Test
    void fiveHundredWaitingJobsNeedNoMoreThreadsThanOne() throws Exception {
        AsyncProducer producer = context.getEndpoint("direct:many").createAsyncProducer();
        producer.start();

        // one job first, so every pool has started the threads it will ever start
        runJobs(producer, 1, new ConcurrentLinkedQueue<>()).await(30, TimeUnit.SECONDS);
        long threadsWithOneJob = liveThreads();
        long componentThreadsWithOneJob = componentThreads();

        ConcurrentLinkedQueue<Exchange> finished = new ConcurrentLinkedQueue<>();
        CountDownLatch all = runJobs(producer, JOBS, finished);

        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> emulator.requests("POST", "/v1/videos").size() >= JOBS + 1);
        long threadsWithManyJobs = liveThreads();
        long componentThreadsWithManyJobs = componentThreads();

        LOG.info("Live threads: {} with 1 job, {} with {} waiting; component threads: {} and {}", threadsWithOneJob,
                threadsWithManyJobs, JOBS, componentThreadsWithOneJob, componentThreadsWithManyJobs);
        assertThat(all.await(120, TimeUnit.SECONDS)).as("all jobs completed").isTrue();
        assertThat(finished).hasSize(JOBS).allSatisfy(e -> {
            assertThat(e.getException()).isNull();
            assertThat(e.getMessage().getBody(File.class)).exists();
        });
        assertThat(componentThreadsWithManyJobs).isEqualTo(componentThreadsWithOneJob)
                .isLessThanOrEqualTo(1 + 4 + 8);
        // a thread per waiting job would add 500; allow a couple of JDK housekeeping threads
        assertThat(threadsWithManyJobs - threadsWithOneJob).isLessThanOrEqualTo(2);
        producer.stop();
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

    /** Live threads of this JVM except the emulator's, which stands in for the remote provider. */
    private static long liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("video-emulator")).count();
    }

    /** Threads of the component's engine (Camel names them after their pool). */
    private static long componentThreads() {
        Thread[] array = new Thread[Thread.activeCount() * 2];
        int n = Thread.enumerate(array);
        return Arrays.stream(array, 0, n).filter(t -> t.getName().contains("Sora")).count();
    }
}
