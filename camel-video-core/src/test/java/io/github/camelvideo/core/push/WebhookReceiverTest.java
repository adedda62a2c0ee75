package io.github.camelvideo.core.push;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.job.InMemoryJobStore;
import io.github.camelvideo.core.testing.CapturedLog;
import io.github.camelvideo.core.testing.SettableClock;
import io.github.camelvideo.core.webhook.OpenAiWebhookEvents;
import io.github.camelvideo.core.webhook.StandardWebhooksVerifier;
import io.github.camelvideo.core.webhook.WebhookRefusal;
import io.github.camelvideo.core.webhook.WebhookRequest;
import io.github.camelvideo.core.webhook.WebhookSecret;
import io.github.camelvideo.core.webhook.WebhookVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookReceiverTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final CamelContext context = new DefaultCamelContext();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-03T12:00:00Z"));
    private final InMemoryJobStore store = new InMemoryJobStore(100, clock);
    private final List<String> hinted = new ArrayList<>();
    private final WebhookReceiver receiver = new WebhookReceiver("/webhooks/sora",
            new StandardWebhooksVerifier(WebhookSecret.of(SECRET), Duration.ofMinutes(5), 4096, clock),
            new OpenAiWebhookEvents(), id -> hinted.add(id) && id.startsWith("video_known"), () -> store, clock);

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    private static String event(String type, String videoId) {
        return "{\"id\":\"evt_" + videoId + "\",\"object\":\"event\",\"created_at\":1764763200,\"type\":\"" + type
               + "\",\"data\":{\"id\":\"" + videoId + "\"}}";
    }

    private Exchange delivery(String id, long timestamp, String secret, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader("webhook-id", id);
        exchange.getMessage().setHeader("webhook-timestamp", Long.toString(timestamp));
        exchange.getMessage().setHeader("webhook-signature",
                StandardWebhooksVerifier.sign(WebhookSecret.of(secret), id, timestamp, bytes));
        exchange.getMessage().setBody(bytes);
        return exchange;
    }

    private int answer(Exchange exchange) {
        receiver.process(exchange);
        return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    @Test
    void aVerifiedEventReadsItsJobNowAndIsAnsweredWithNothing() {
        Exchange exchange = delivery("wh_1", now(), SECRET, event("video.completed", "video_known1"));
        assertThat(answer(exchange)).isEqualTo(200);
        assertThat(hinted).containsExactly("video_known1");
        assertThat(exchange.getMessage().getHeaders()).containsOnlyKeys(Exchange.HTTP_RESPONSE_CODE);
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(receiver.stats().accepted()).isEqualTo(1);
    }

    @Test
    void anEventForAJobNobodyWaitsForIsAcknowledged() {
        assertThat(answer(delivery("wh_2", now(), SECRET, event("video.failed", "video_other")))).isEqualTo(200);
        assertThat(answer(delivery("wh_3", now(), SECRET, event("batch.completed", "batch_1")))).isEqualTo(200);
        assertThat(receiver.stats().unknownJobs()).isEqualTo(1);
        assertThat(receiver.stats().otherEvents()).isEqualTo(1);
    }

    @Test
    void forgedTamperedStaleReplayedAndOversizedDeliveriesAreRefusedAndChangeNothing() {
        try (CapturedLog log = CapturedLog.of(WebhookReceiver.class)) {
            String body = event("video.completed", "video_known2");
            assertThat(answer(delivery("wh_forged", now(), "whsec_d3Jvbmcgc2VjcmV0IGJ5dGVz", body))).isEqualTo(401);
            Exchange tampered = delivery("wh_tampered", now(), SECRET, body);
            tampered.getMessage().setBody(event("video.completed", "video_known3").getBytes(StandardCharsets.UTF_8));
            assertThat(answer(tampered)).isEqualTo(401);
            assertThat(answer(delivery("wh_stale", now() - 301, SECRET, body))).isEqualTo(400);
            assertThat(answer(delivery("wh_once", now(), SECRET, body))).isEqualTo(200);
            assertThat(answer(delivery("wh_once", now(), SECRET, body))).isEqualTo(400);
            assertThat(answer(delivery("wh_large", now(), SECRET, body + " ".repeat(5000)))).isEqualTo(400);
            Exchange declaredLarge = delivery("wh_declared", now(), SECRET, body);
            declaredLarge.getMessage().setHeader(Exchange.CONTENT_LENGTH, "99999999");
            assertThat(answer(declaredLarge)).isEqualTo(400);
            assertThat(answer(delivery("wh_forged2", now(), "whsec_d3Jvbmcgc2VjcmV0IGJ5dGVz", body)))
                    .isEqualTo(401);

            assertThat(hinted).containsExactly("video_known2"); // the one genuine delivery
            WebhookStats stats = receiver.stats();
            assertThat(stats.refused(WebhookRefusal.BAD_SIGNATURE)).isEqualTo(3);
            assertThat(stats.refused(WebhookRefusal.STALE)).isEqualTo(1);
            assertThat(stats.refused(WebhookRefusal.REPLAYED)).isEqualTo(1);
            assertThat(stats.refused(WebhookRefusal.TOO_LARGE)).isEqualTo(2);
            // WARN the first time per reason (later ones at DEBUG); nothing of the body or the secret
            assertThat(log.lines().stream().filter(l -> l.startsWith("WARN"))).hasSize(4);
            assertThat(log.lines()).noneMatch(l -> l.contains("MfKQ9r8") || l.contains("video_known")
                                                   || l.contains("v1,"));
        }
    }

    @Test
    void aReplayIsRefusedUntilItsTimestampIsStale() {
        long signedAt = now();
        String body = event("video.completed", "video_known4");
        assertThat(answer(delivery("wh_r", signedAt, SECRET, body))).isEqualTo(200);
        clock.advance(Duration.ofSeconds(299));
        assertThat(answer(delivery("wh_r", signedAt, SECRET, body))).isEqualTo(400);
        assertThat(receiver.stats().refused(WebhookRefusal.REPLAYED)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(answer(delivery("wh_r", signedAt, SECRET, body))).isEqualTo(400);
        assertThat(receiver.stats().refused(WebhookRefusal.STALE)).isEqualTo(1);
        assertThat(hinted).containsExactly("video_known4");
    }

    @Test
    void aDeliveryAnotherInstanceAcceptedIsRefusedThroughTheSharedStore() {
        List<String> otherHinted = new ArrayList<>();
        WebhookReceiver other = new WebhookReceiver("/webhooks/sora",
                new StandardWebhooksVerifier(WebhookSecret.of(SECRET), Duration.ofMinutes(5), 4096, clock),
                new OpenAiWebhookEvents(), otherHinted::add, () -> store, clock);
        String body = event("video.completed", "video_known5");
        assertThat(answer(delivery("wh_shared", now(), SECRET, body))).isEqualTo(200);

        Exchange again = delivery("wh_shared", now(), SECRET, body);
        other.process(again);

        assertThat(again.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(other.stats().refused(WebhookRefusal.REPLAYED)).isEqualTo(1);
        // the other instance read the job once more at most: a hint, never the job's state
        assertThat(otherHinted).containsExactly("video_known5");
    }

    @Test
    void aSignedBodyThatIsNoEventIsRefused() {
        assertThat(answer(delivery("wh_x", now(), SECRET, "hello"))).isEqualTo(400);
        assertThat(receiver.stats().refused(WebhookRefusal.UNREADABLE)).isEqualTo(1);
        assertThat(hinted).isEmpty();
    }

    /** A scheme without delivery ids (a per-job token in the URL): the query decides, and each delivery is a hint. */
    private final WebhookVerifier tokenScheme = new WebhookVerifier() {
        @Override
        public int maxBodyBytes() {
            return 4096;
        }

        @Override
        public Duration tolerance() {
            return Duration.ofMinutes(5);
        }

        @Override
        public Verification verify(WebhookRequest request) {
            return "good".equals(request.queryParameter("token")) ? Verification.verified(null, null)
                    : Verification.refused(WebhookRefusal.BAD_SIGNATURE);
        }
    };

    private Exchange tokenDelivery(String query, String body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, query);
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        return exchange;
    }

    @Test
    void aSchemeWithoutDeliveryIdsIsVerifiedByItsOwnRuleAndEachDeliveryIsAHint() {
        WebhookReceiver tokens = new WebhookReceiver("/webhooks/kling", tokenScheme, new OpenAiWebhookEvents(),
                id -> hinted.add(id), () -> store, clock);
        String body = event("video.completed", "video_known7");

        tokens.process(tokenDelivery("job=k1&token=good", body));
        Exchange again = tokenDelivery("job=k1&token=good", body);
        tokens.process(again);
        Exchange forged = tokenDelivery("job=k1&token=guess", body);
        tokens.process(forged);

        assertThat(again.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(200);
        assertThat(forged.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(401);
        assertThat(hinted).containsExactly("video_known7", "video_known7");
        assertThat(tokens.stats().refused(WebhookRefusal.BAD_SIGNATURE)).isEqualTo(1);
    }
}
