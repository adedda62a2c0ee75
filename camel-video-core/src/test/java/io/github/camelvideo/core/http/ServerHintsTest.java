package io.github.camelvideo.core.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerHintsTest {

    private static HttpHeaders headers(Map<String, String> h) {
        return HttpHeaders.of(h.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> List.of(e.getValue()))), (a, b) -> true);
    }

    @Test
    void readsSecondsDatesAndMillis() {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        assertThat(ServerHints.retryAfter(headers(Map.of("retry-after", "7")), now)).contains(Duration.ofSeconds(7));
        assertThat(ServerHints.retryAfter(headers(Map.of("retry-after", "Sat, 21 Nov 2026 10:00:30 GMT")), now))
                .contains(Duration.ofSeconds(30));
        assertThat(ServerHints.retryAfter(headers(Map.of("retry-after-ms", "250", "retry-after", "9")), now))
                .contains(Duration.ofMillis(250));
        assertThat(ServerHints.retryAfter(headers(Map.of("retry-after", "soon")), now)).isEmpty();
        assertThat(ServerHints.pollAfter(headers(Map.of("openai-poll-after-ms", "1200"))))
                .contains(Duration.ofMillis(1200));
    }
}
