package io.github.camelvideo.kling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.push.WebhookStats;
import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.emulator.VideoEmulator;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;

/**
 * Push completion on provider kling end to end, on Camel Main: each create names the receiver as its
 * {@code callback_url} with a fresh ref and token, the emulator posts the task on each status change, and the
 * component checks the token before it reads the task. The safety-net polls are an hour apart, so a job that
 * completes did so by its callback.
 */
class KlingNativePushTest {

    private static final String PATH = "/webhooks/kling";
    private static final String CREATE = "/kling/v1/videos/text2video";

    @TempDir
    Path work;

    private VideoEmulator emulator;
    private Main main;
    private int port;
    private final List<Exchange> finished = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(400)).start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        emulator.close();
    }

    private CamelContext start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.main.shutdown-timeout", "2"); // a never-ending job is not waited for
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.kling.provider", "kling");
        main.addInitialProperty("camel.component.kling.base-url", emulator.klingBaseUrl());
        main.addInitialProperty("camel.component.kling.access-key", "emulator-access");
        main.addInitialProperty("camel.component.kling.secret-key", "emulator-secret");
        main.addInitialProperty("camel.component.kling.mode", "std");
        main.addInitialProperty("camel.component.kling.output-directory", work.resolve("downloads").toString());
        main.addInitialProperty("camel.component.kling.job-store", "#memoryJobStore");
        main.addInitialProperty("camel.component.kling.webhook-path", PATH);
        main.addInitialProperty("camel.component.kling.callback-base-url", "http://127.0.0.1:" + port);
        main.addInitialProperty("camel.component.kling.poll-interval-with-push", "3600000");
        main.addInitialProperty("camel.component.kling.poll-initial-delay", "3600000");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to("kling:textToVideo");
            }
        });
        main.start();
        CamelContext context = main.getCamelContext();
        String route = "kling-webhook-webhooks-kling";
        await().atMost(Duration.ofSeconds(30)).until(() -> context.getRoute(route) != null
                && context.getRouteController().getRouteStatus(route).isStarted());
        return context;
    }

    private void submit(CamelContext context, String prompt) {
        context.createProducerTemplate().asyncSend("direct:video", e -> e.getMessage().setBody(prompt))
                .thenAccept(finished::add);
    }

    private WebhookStats stats(CamelContext context) {
        return context.getComponent("kling", KlingComponent.class).webhookReceiver(PATH).stats();
    }

    private String receiverUrl() {
        return "http://127.0.0.1:" + port + PATH;
    }

    @Test
    void aTaskCompletesByItsCallbackWithATokenPerCreate() throws Exception {
        CamelContext context = start();
        submit(context, "A fox in the snow");
        submit(context, "A hare in the rain");

        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 2);
        assertThat(finished).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(finished).allSatisfy(e -> assertThat(e.getMessage().getBody()).isInstanceOf(java.io.File.class));
        List<String> callbackUrls = emulator.requests("POST", CREATE).stream().map(r -> callbackUrl(r)).toList();
        assertThat(callbackUrls).hasSize(2).allSatisfy(url -> assertThat(url).startsWith(receiverUrl() + "?")
                .contains("ref=").contains("token="));
        assertThat(callbackUrls.get(0)).isNotEqualTo(callbackUrls.get(1));
        assertThat(emulator.klingCallbacks().deliveries()).extracting(WebhookDelivery::status).contains(200)
                .doesNotContain(401);
        for (Exchange e : finished) {
            String id = e.getMessage().getHeader(KlingConstants.REQUEST_ID, String.class);
            WebhookDelivery first = emulator.klingCallbacks().deliveries().stream()
                    .filter(d -> d.videoId().equals(id)).findFirst().orElseThrow();
            // no poll before a callback: every read of the task was asked for by one
            assertThat(emulator.requests("GET", CREATE + "/" + id)).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.at()).isAfterOrEqualTo(first.sentAt()));
        }
        assertThat(stats(context).refused()).isZero();
    }

    @Test
    void aCallbackWithoutOrWithAWrongTokenIsRefusedAndChangesNothing() throws Exception {
        CamelContext context = start();
        emulator.faults().neverFinishJobs(1);
        submit(context, "A slow fox");
        await().atMost(Duration.ofSeconds(30)).until(() -> !emulator.jobs().isEmpty());
        String id = emulator.jobs().get(0).id();
        // the genuine callback of the task's start comes and is read; after it, only forged ones
        await().atMost(Duration.ofSeconds(30)).until(() -> stats(context).accepted() == 1
                && !emulator.requests("GET", CREATE + "/.*").isEmpty());
        int reads = emulator.requests("GET", CREATE + "/.*").size();
        String forged = "{\"task_id\":\"" + id + "\",\"task_status\":\"succeed\"}";

        // no ref and token at all: malformed (400); a token that is not the ref's: 401
        assertThat(post(receiverUrl(), forged)).isEqualTo(400);
        assertThat(post(receiverUrl() + "?ref=abc&token=0000", forged)).isEqualTo(401);
        String genuine = callbackUrl(emulator.requests("POST", CREATE).get(0));
        assertThat(post(genuine.replaceAll("token=[^&]+", "token=AAAA"), forged)).isEqualTo(401);

        assertThat(stats(context).refused()).isEqualTo(3);
        assertThat(stats(context).accepted()).isEqualTo(1);
        assertThat(emulator.requests("GET", CREATE + "/.*")).hasSize(reads);
        assertThat(finished).isEmpty();
    }

    private static String callbackUrl(RecordedRequest create) {
        try {
            JsonNode body = JsonApi.MAPPER.readTree(create.body());
            return body.path("callback_url").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int post(String url, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
