package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private VideoEmulator emulator;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = VideoEmulator.builder().clock(clock).start();
        client = new TestClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void recordsMethodPathQueryHeadersBodyStatusAndTime() {
        String id = client.create("{\"prompt\":\"recorded\"}").get("id").asText();
        clock.advance(Duration.ofSeconds(1));
        client.send(client.request("/videos?limit=5&order=asc").header("X-Stainless-Poll-Helper", "true").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        client.get("/videos/" + id);

        List<RecordedRequest> all = emulator.requests();

        assertThat(all).hasSize(3);
        RecordedRequest create = all.get(0);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo("/v1/videos");
        assertThat(create.query()).isNull();
        assertThat(create.bodyAsString()).isEqualTo("{\"prompt\":\"recorded\"}");
        assertThat(create.header("AUTHORIZATION")).isEqualTo("Bearer sk-test-key-0123456789");
        assertThat(create.headers()).containsKey("content-type");
        assertThat(create.headers().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
        assertThat(create.status()).isEqualTo(200);
        assertThat(create.at()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));

        RecordedRequest list = all.get(1);
        assertThat(list.query()).isEqualTo("limit=5&order=asc");
        assertThat(list.header("x-stainless-poll-helper")).isEqualTo("true");
        assertThat(list.body()).isEmpty();
        assertThat(list.at()).isEqualTo(Instant.parse("2026-11-21T10:00:01Z"));
    }

    @Test
    void filtersByMethodAndFullPathMatch() {
        String id = client.create("{\"prompt\":\"p\"}").get("id").asText();
        client.get("/videos/" + id);
        client.get("/videos/" + id);
        client.get("/videos/" + id + "/content");

        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
        assertThat(emulator.requests("GET", "/v1/videos/[^/]+")).hasSize(2);
        assertThat(emulator.requests("get", "/v1/videos/.*")).hasSize(3);
        assertThat(emulator.requests("*", "/v1/videos.*")).hasSize(4);
        assertThat(emulator.requests("GET", "/v1/videos")).isEmpty();
    }

    @Test
    void snapshotsAreImmutableAndClearForgetsEverything() {
        client.get("/videos");
        List<RecordedRequest> snapshot = emulator.requests();

        emulator.clearRequests();

        assertThat(snapshot).hasSize(1);
        assertThat(emulator.requests()).isEmpty();
        assertThatThrownBy(() -> snapshot.add(snapshot.get(0))).isInstanceOf(UnsupportedOperationException.class);
        byte[] body = snapshot.get(0).body();
        body = new byte[] {1};
        assertThat(snapshot.get(0).body()).isEmpty();
    }
}
