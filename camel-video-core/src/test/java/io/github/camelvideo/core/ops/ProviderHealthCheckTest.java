package io.github.camelvideo.core.ops;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.testing.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The check reads at most once per interval, answers from the last read, and says why it is DOWN. */
class ProviderHealthCheckTest {

    private final TestClock clock = new TestClock().pause();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<CompletionStage<Void>> answer =
            new AtomicReference<>(CompletableFuture.completedFuture(null));

    private final ProviderHealthCheck check = new ProviderHealthCheck("sora", "sora-openai", "openai",
            "https://example.test/v1", () -> {
                reads.incrementAndGet();
                return answer.get();
            }, Duration.ofMinutes(1), clock);

    @Test
    void readsAtMostOncePerInterval() {
        assertThat(check.call(Map.of()).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(check.call(Map.of()).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(reads).hasValue(1);

        clock.advance(Duration.ofSeconds(61));
        answer.set(CompletableFuture.failedFuture(new VideoAuthenticationException(
                "openai answered HTTP 401 [invalid_api_key]: Incorrect API key provided", "openai", null,
                "invalid_api_key")));
        HealthCheck.Result down = check.call(Map.of());

        assertThat(reads).hasValue(2);
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).get().asString().contains("refused the credentials").contains("401");
        assertThat(down.getDetails()).containsEntry("provider", "openai").containsKey("checkedAt");
    }

    @Test
    void aReadStillRunningIsNotStartedAgainAndTheLastResultIsAnswered() {
        check.call(Map.of());
        clock.advance(Duration.ofSeconds(61));
        CompletableFuture<Void> slow = new CompletableFuture<>();
        answer.set(slow);

        assertThat(check.call(Map.of()).getState()).as("the last result, at once").isEqualTo(HealthCheck.State.UP);
        assertThat(check.call(Map.of()).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(reads).hasValue(2);

        slow.completeExceptionally(new ConnectException("Connection refused"));
        assertThat(check.call(Map.of()).getMessage()).get().asString().contains("cannot be reached");
    }

    @Test
    void classifiesWhatTheProviderAnswered() {
        assertThat(check.classify(new VideoServerException("down", "openai", null, null, 503, null)).state())
                .isEqualTo(HealthCheck.State.DOWN);
        assertThat(check.classify(new VideoServerException("no answer", "openai", null, null, 0, null)).message())
                .contains("cannot be reached");
        assertThat(check.classify(new VideoRateLimitedException("slow down", "openai", null, null, null)).state())
                .as("reachable, and the key is good").isEqualTo(HealthCheck.State.UP);
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
    }
}
