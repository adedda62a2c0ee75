package io.github.camelvideo.core.camel;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's own pools: many timers and bursts of work are queued, never rejected, and timers never run work. */
class VideoEngineTest {

    private CamelContext context;
    private VideoEngine engine;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
        engine = VideoEngine.start(context, this, "test", EngineSettings.DEFAULT);
    }

    @AfterEach
    void stop() {
        engine.stop();
        context.stop();
    }

    @Test
    void twentyThousandTimersAreAllAcceptedAndRunOffTheTimerThread() throws InterruptedException {
        int timers = 20_000;
        CountDownLatch ran = new CountDownLatch(timers);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < timers; i++) {
            engine.scheduler().schedule(() -> {
                threads.add(Thread.currentThread().getName());
                ran.countDown();
            }, Duration.ofMillis(i % 50));
        }
        assertThat(ran.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(threads).isNotEmpty().allSatisfy(name -> assertThat(name).contains("testHttp"));
    }

    @Test
    void aBurstOfTenThousandContinuationsIsQueuedNotRejected() throws InterruptedException {
        int tasks = 10_000;
        CountDownLatch ran = new CountDownLatch(tasks);
        CountDownLatch hold = new CountDownLatch(1);
        // every worker thread busy, so all the others queue
        for (int i = 0; i < EngineSettings.DEFAULT.workerThreads(); i++) {
            engine.workerExecutor().execute(() -> awaitQuietly(hold));
        }
        for (int i = 0; i < tasks; i++) {
            engine.workerExecutor().execute(ran::countDown);
        }
        hold.countDown();
        assertThat(ran.await(60, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
