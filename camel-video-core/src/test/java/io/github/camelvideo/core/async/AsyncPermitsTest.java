package io.github.camelvideo.core.async;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncPermitsTest {

    @Test
    void waitersAreServedInOrderWithoutBlocking() {
        AsyncPermits permits = new AsyncPermits(2, Runnable::run);
        CompletableFuture<Void> a = permits.acquire().toCompletableFuture();
        CompletableFuture<Void> b = permits.acquire().toCompletableFuture();
        CompletableFuture<Void> c = permits.acquire().toCompletableFuture();
        CompletableFuture<Void> d = permits.acquire().toCompletableFuture();
        assertThat(a).isDone();
        assertThat(b).isDone();
        assertThat(c).isNotDone();
        assertThat(permits.waiting()).isEqualTo(2);
        permits.release();
        assertThat(c).isDone();
        assertThat(d).isNotDone();
        permits.release();
        permits.release();
        permits.release();
        assertThat(d).isDone();
        assertThat(permits.inUse()).isZero();
    }

    @Test
    void zeroMeansUnlimited() {
        AsyncPermits permits = new AsyncPermits(0, Runnable::run);
        for (int i = 0; i < 1000; i++) {
            assertThat(permits.acquire().toCompletableFuture()).isDone();
        }
    }
}
