package io.github.camelvideo.sora;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Creates through a server that closes keep-alive connections as proxies and load balancers do: a closed idle
 * connection never turns a create into "in doubt", and a create whose answer was lost is found again among the
 * provider's recent jobs instead of being reported in doubt or sent twice.
 */
class SoraConnectionsTest extends SoraTestSupport {

    /** Below the emulator's idle close in the spread test, as the option's documentation advises. */
    private static final long CLIENT_IDLE_TIMEOUT_MS = 500;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("sora", SoraComponent.class).setConnectionIdleTimeout(CLIENT_IDLE_TIMEOUT_MS);
        return context;
    }

    @Test
    void createsSpreadOverTimeThroughAProxyClosingIdleConnectionsAreNeverInDoubtNorDuplicated() throws Exception {
        emulator.faults().closeIdleConnectionsAfter(Duration.ofSeconds(1));
        int jobsBefore = emulator.jobCount();
        long closedBefore = emulator.connectionsClosedByFaults();
        // quiet spells shorter and longer than both idle timeouts (the client's 0.5 s, the server's 1 s)
        long[] pausesMs = {300, 1300, 700, 1500, 200, 1200, 400, 1400};
        int perWave = 6;
        List<Exchange> results = new ArrayList<>();
        for (int wave = 0; wave < pausesMs.length; wave++) {
            results.addAll(wave(wave, perWave));
            pause(pausesMs[wave]);
        }

        int creates = pausesMs.length * perWave;
        assertThat(results).hasSize(creates).allSatisfy(e -> assertThat(e.getException()).isNull());
        Set<String> ids = new HashSet<>();
        results.forEach(e -> ids.add(e.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class)));
        assertThat(ids).as("one job per create").hasSize(creates);
        assertThat(emulator.requests("POST", "/v1/videos")).as("no create sent twice").hasSize(creates);
        assertThat(emulator.jobCount()).isEqualTo(jobsBefore + creates);
        assertThat(emulator.connectionsClosedByFaults()).as("the proxy did close idle connections")
                .isGreaterThan(closedBefore);
    }

    @Test
    void aCreateWhoseConnectionClosedAfterTheRequestWasReadIsAdoptedThroughReconciliation() {
        int jobsBefore = emulator.jobCount();
        emulator.faults().dropAfterRead("POST", "/v1/videos", 1);

        Exchange result = send("sora:textToVideo?seconds=4&size=1280x720", "A lighthouse in a storm");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(File.class)).exists();
        assertThat(emulator.requests("POST", "/v1/videos")).as("sent once").hasSize(1)
                .first().satisfies(r -> assertThat(r.status()).as("dropped without an answer").isZero());
        assertThat(emulator.jobCount()).as("one job at the provider").isEqualTo(jobsBefore + 1);
        assertThat(emulator.requests("GET", "/v1/videos")).as("the recent jobs were listed").isNotEmpty();
        String adopted = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        assertThat(emulator.requests("GET", "/v1/videos/" + adopted)).as("the adopted job was followed")
                .isNotEmpty();
    }

    @Test
    void aLostAnswerWithSeveralMatchingRecentJobsStaysInDoubtNamingThem() throws Exception {
        // another application made the same request twice a moment ago
        HttpClient other = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> made = other.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/videos"))
                    .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Twins\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(made.statusCode()).isEqualTo(200);
        }
        emulator.faults().dropAfterRead("POST", "/v1/videos", 1);

        Throwable e = failureOf(send("sora:textToVideo?waitForCompletion=false", "Twins"));

        assertThat(e).isInstanceOf(VideoSubmissionInDoubtException.class)
                .hasMessageContaining("3 recent jobs match the request: video_");
        assertThat(emulator.requests("POST", "/v1/videos")).as("never re-sent").hasSize(3);
    }

    @Test
    void aCreateSentAfterTheServerClosedThePooledConnectionIsSentOnceOnAFreshOne() {
        int jobsBefore = emulator.jobCount();
        long closedBefore = emulator.connectionsClosedByFaults();
        emulator.faults().closeAfterResponse(1);
        Exchange first = send("sora:textToVideo?waitForCompletion=false", "First");
        assertThat(first.getException()).isNull();
        // the server closed the connection the first create used, before reading anything more from it
        await().atMost(5, TimeUnit.SECONDS).until(() -> emulator.connectionsClosedByFaults() > closedBefore
                                                        && emulator.openConnections() == 0);

        Exchange second = send("sora:textToVideo", "Second");

        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getBody(File.class)).exists();
        assertThat(emulator.requests("POST", "/v1/videos")).as("each create paid once").hasSize(2);
        assertThat(emulator.jobCount()).isEqualTo(jobsBefore + 2);
    }

    @Test
    void aFreshConnectionClosedBeforeTheRequestWasReadEndsWithOneJobAtMost() {
        int jobsBefore = emulator.jobCount();
        emulator.faults().closeBeforeRead(1);

        Exchange result = send("sora:textToVideo?waitForCompletion=false", "Closed before read");

        // the request never reached the server: either the client saw the close before writing and sent it again,
        // or it had written it and, finding no job, reports it in doubt; never two jobs
        Throwable e = result.getException();
        if (e == null) {
            assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
            assertThat(emulator.jobCount()).isEqualTo(jobsBefore + 1);
        } else {
            assertThat(e).isInstanceOf(VideoSubmissionInDoubtException.class)
                    .hasMessageContaining("none of its recent jobs matches");
            assertThat(emulator.jobCount()).isEqualTo(jobsBefore);
        }
    }

    private List<Exchange> wave(int wave, int size) throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String prompt = "Wave " + wave + " job " + i;
            sent.add(template.asyncSend("sora:textToVideo?waitForCompletion=false",
                    x -> x.getIn().setBody(prompt)));
        }
        List<Exchange> done = new ArrayList<>();
        for (CompletableFuture<Exchange> f : sent) {
            done.add(f.get(30, TimeUnit.SECONDS));
        }
        return done;
    }

    /** A quiet spell of real time, waited for without sleeping. */
    private static void pause(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        await().pollDelay(Duration.ofMillis(millis)).atMost(Duration.ofMillis(millis + 5_000))
                .until(() -> System.nanoTime() >= until);
    }
}
