package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListAndDeleteTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private VideoEmulator emulator;
    private TestClient client;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofSeconds(10)).clock(clock).start();
        client = new TestClient(emulator);
        for (int i = 0; i < 5; i++) {
            created.add(client.create("{\"prompt\":\"video " + i + "\"}").get("id").asText());
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private JsonNode list(String query) {
        HttpResponse<String> response = client.get("/videos" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestClient.json(response);
    }

    @Test
    void listsNewestFirstByDefault() {
        JsonNode page = list("");

        assertThat(page.get("object").asText()).isEqualTo("list");
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertThat(TestClient.ids(page)).containsExactlyElementsOf(newestFirst);
        assertThat(page.get("first_id").asText()).isEqualTo(created.get(4));
        assertThat(page.get("last_id").asText()).isEqualTo(created.get(0));
        assertThat(page.get("has_more").asBoolean()).isFalse();
        assertThat(page.get("data").get(0).get("object").asText()).isEqualTo("video");
    }

    @Test
    void pagesWithAfterAndLimitInAscendingOrder() {
        JsonNode first = list("?order=asc&limit=2");
        assertThat(TestClient.ids(first)).containsExactly(created.get(0), created.get(1));
        assertThat(first.get("has_more").asBoolean()).isTrue();

        JsonNode second = list("?order=asc&limit=2&after=" + first.get("last_id").asText());
        assertThat(TestClient.ids(second)).containsExactly(created.get(2), created.get(3));
        assertThat(second.get("has_more").asBoolean()).isTrue();

        JsonNode third = list("?order=asc&limit=2&after=" + second.get("last_id").asText());
        assertThat(TestClient.ids(third)).containsExactly(created.get(4));
        assertThat(third.get("has_more").asBoolean()).isFalse();
        assertThat(third.get("first_id").asText()).isEqualTo(created.get(4));
    }

    @Test
    void pagesInDescendingOrder() {
        JsonNode first = list("?limit=3");
        assertThat(TestClient.ids(first)).containsExactly(created.get(4), created.get(3), created.get(2));

        JsonNode second = list("?limit=3&order=desc&after=" + first.get("last_id").asText());
        assertThat(TestClient.ids(second)).containsExactly(created.get(1), created.get(0));
        assertThat(second.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void emptyPageHasNullIds() {
        JsonNode page = list("?limit=0");

        assertThat(page.get("data")).isEmpty();
        assertThat(page.get("first_id").isNull()).isTrue();
        assertThat(page.get("last_id").isNull()).isTrue();
        assertThat(page.get("has_more").asBoolean()).isTrue();
    }

    @Test
    void invalidListParametersAreRejected() {
        assertThat(TestClient.json(client.get("/videos?limit=101")).at("/error/param").asText()).isEqualTo("limit");
        assertThat(TestClient.json(client.get("/videos?limit=-1")).at("/error/param").asText()).isEqualTo("limit");
        assertThat(TestClient.json(client.get("/videos?limit=ten")).at("/error/param").asText()).isEqualTo("limit");
        assertThat(TestClient.json(client.get("/videos?order=newest")).at("/error/param").asText()).isEqualTo("order");
        assertThat(client.get("/videos?after=video_unknown").statusCode()).isEqualTo(400);
    }

    @Test
    void deletesFinishedVideosOnly() {
        String id = created.get(4);
        HttpResponse<String> tooEarly = client.delete("/videos/" + id);
        assertThat(tooEarly.statusCode()).isEqualTo(400);
        assertThat(TestClient.json(tooEarly).at("/error/type").asText()).isEqualTo("invalid_request_error");

        clock.advance(Duration.ofSeconds(10));
        HttpResponse<String> deleted = client.delete("/videos/" + id);

        assertThat(deleted.statusCode()).isEqualTo(200);
        JsonNode body = TestClient.json(deleted);
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("object").asText()).isEqualTo("video.deleted");
        assertThat(body.get("deleted").asBoolean()).isTrue();
        assertThat(client.get("/videos/" + id).statusCode()).isEqualTo(404);
        assertThat(client.delete("/videos/" + id).statusCode()).isEqualTo(404);
        assertThat(emulator.jobCount()).isEqualTo(4);
        assertThat(TestClient.ids(list(""))).doesNotContain(id);
    }

    @Test
    void aDeletedVideoStillWorksAsAListCursor() {
        clock.advance(Duration.ofSeconds(10));
        assertThat(client.delete("/videos/" + created.get(2)).statusCode()).isEqualTo(200);

        JsonNode page = list("?order=asc&after=" + created.get(2));

        assertThat(TestClient.ids(page)).containsExactly(created.get(3), created.get(4));
    }
}
