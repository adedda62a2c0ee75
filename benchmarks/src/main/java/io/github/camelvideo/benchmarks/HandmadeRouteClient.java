package io.github.camelvideo.benchmarks;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.support.DefaultExchange;

/**
 * Baseline (b): the Camel route users write without a video component — create with camel-http, then
 * {@code loop} + {@code delay} + {@code http} status reads until a {@code choice} sees the job finished, then download
 * with camel-http to {@code file:}. Camel's defaults everywhere (camel-http's connection pool, the delayer's
 * scheduler). camel-http blocks the calling thread for each call, so the exchanges are started from a pool of
 * {@value #SUBMITTERS} threads, as a consumer with that many concurrent consumers would.
 */
public final class HandmadeRouteClient implements JobClient {

    static final int SUBMITTERS = 16;

    private static final int SHUTDOWN_SECONDS = 5;

    private final JobSpec spec;
    private CamelContext context;
    private AsyncProducer producer;
    private ExecutorService submitters;

    public HandmadeRouteClient(JobSpec spec) {
        this.spec = spec;
    }

    @Override
    public String approach() {
        return Approach.HANDMADE_ROUTE;
    }

    @Override
    public void start() throws Exception {
        context = new DefaultCamelContext();
        // exchanges still waiting when a run ends are ended by the stop; a short grace period keeps runs short
        context.getShutdownStrategy().setTimeout(SHUTDOWN_SECONDS);
        String videos = spec.baseUrl() + "/videos";
        long delay = spec.routeDelay().toMillis();
        boolean download = spec.download();
        String output = spec.outputDir() == null ? "" : spec.outputDir().toAbsolutePath().toString();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:handmade").routeId("handmade")
                        .setBody(simple("{\"model\":\"" + JobSpec.MODEL + "\",\"prompt\":\"${body}\",\"seconds\":\""
                                + JobSpec.SECONDS + "\",\"size\":\"" + JobSpec.SIZE + "\"}"))
                        .removeHeaders("*")
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader("Authorization", constant("Bearer " + JobSpec.API_KEY))
                        .to(videos)
                        .unmarshal().json(JsonLibrary.Jackson, Map.class)
                        .setProperty("videoId", simple("${body[id]}"))
                        .setProperty("status", simple("${body[status]}"))
                        .loopDoWhile(simple("${exchangeProperty.status} != 'completed'"
                                            + " && ${exchangeProperty.status} != 'failed'"))
                            .to("direct:read-status")
                        .end()
                        .choice()
                            .when(simple("${exchangeProperty.status} == 'failed'"))
                                .throwException(IllegalStateException.class, "Video ${exchangeProperty.videoId} failed")
                            .when(constant(download))
                                .to("direct:download")
                        .end();

                from("direct:read-status").routeId("read-status")
                        .delay(delay)
                        .removeHeaders("*")
                        .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                        .setHeader("Authorization", constant("Bearer " + JobSpec.API_KEY))
                        .setBody(constant(null))
                        .toD(videos + "/${exchangeProperty.videoId}")
                        .unmarshal().json(JsonLibrary.Jackson, Map.class)
                        .setProperty("status", simple("${body[status]}"));

                if (download) {
                    from("direct:download").routeId("download")
                            .removeHeaders("*")
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .setHeader("Authorization", constant("Bearer " + JobSpec.API_KEY))
                            .setBody(constant(null))
                            .toD(videos + "/${exchangeProperty.videoId}/content")
                            .setHeader(Exchange.FILE_NAME, simple("${exchangeProperty.videoId}.mp4"))
                            .to("file:" + output);
                }
            }
        });
        context.start();
        producer = context.getEndpoint("direct:handmade").createAsyncProducer();
        producer.start();
        AtomicInteger n = new AtomicInteger();
        submitters = Executors.newFixedThreadPool(SUBMITTERS, r -> {
            Thread t = new Thread(r, "handmade-submitter-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void submit(int jobs, JobTally tally) {
        for (int i = 0; i < jobs; i++) {
            String prompt = "Benchmark scene " + i;
            submitters.execute(() -> {
                Exchange exchange = new DefaultExchange(context);
                exchange.getMessage().setBody(prompt);
                producer.process(exchange, doneSync -> tally.ended(exchange));
            });
        }
    }

    @Override
    public void close() throws Exception {
        if (submitters != null) {
            submitters.shutdownNow();
        }
        if (producer != null) {
            producer.stop();
        }
        if (context != null) {
            context.stop();
        }
    }
}
