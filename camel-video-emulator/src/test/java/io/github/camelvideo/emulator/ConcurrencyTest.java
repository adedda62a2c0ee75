package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private static final int CLIENTS = 500;
    private static final int POLLS = 3;

    @Test
    void serves500ConcurrentlyPollingClients() throws Exception {
        try (VideoEmulator emulator = VideoEmulator.builder().jobDuration(Duration.ofMinutes(10)).start()) {
            TestClient client = new TestClient(emulator);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                ids.add(client.create("{\"prompt\":\"client " + i + "\"}").get("id").asText());
            }

            for (int round = 0; round < POLLS; round++) {
                List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
                for (String id : ids) {
                    polls.add(TestClient.HTTP.sendAsync(client.request("/videos/" + id).GET().build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                for (int i = 0; i < CLIENTS; i++) {
                    HttpResponse<String> response = polls.get(i).join();
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(TestClient.json(response).get("id").asText()).isEqualTo(ids.get(i));
                }
            }
            assertThat(emulator.jobCount()).isEqualTo(CLIENTS);
            assertThat(emulator.requests("GET", "/v1/videos/.*")).hasSize(CLIENTS * POLLS);
        }
    }
}
