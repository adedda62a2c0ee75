package io.github.camelvideo.benchmarks;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * This project, as a user writes it: {@code from("direct:video").to("sora:textToVideo?...")}, with the options given
 * in the URI and the component's defaults for everything else.
 */
public final class EngineClient implements JobClient {

    private static final int SHUTDOWN_SECONDS = 5;

    private final JobSpec spec;
    private CamelContext context;
    private AsyncProducer producer;

    public EngineClient(JobSpec spec) {
        this.spec = spec;
    }

    @Override
    public String approach() {
        return Approach.ENGINE;
    }

    /** The endpoint URI the route sends to. */
    String endpointUri() {
        StringBuilder uri = new StringBuilder("sora:textToVideo?baseUrl=").append(spec.baseUrl())
                .append("&apiKey=RAW(").append(JobSpec.API_KEY).append(")")
                .append("&model=").append(JobSpec.MODEL)
                .append("&seconds=").append(JobSpec.SECONDS)
                .append("&size=").append(JobSpec.SIZE)
                .append("&download=").append(spec.download())
                .append("&pollInitialDelay=").append(spec.pollInitial().toMillis())
                .append("&pollMaxInterval=").append(spec.pollMax().toMillis())
                .append("&maxConcurrentJobs=").append(spec.maxConcurrent());
        if (spec.download()) {
            uri.append("&outputDirectory=").append(spec.outputDir().toAbsolutePath());
        }
        return uri.toString();
    }

    @Override
    public void start() throws Exception {
        context = new DefaultCamelContext();
        // exchanges still waiting when a run ends are ended by the stop; a short grace period keeps runs short
        context.getShutdownStrategy().setTimeout(SHUTDOWN_SECONDS);
        String uri = endpointUri();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").routeId("video").to(uri);
            }
        });
        context.start();
        producer = context.getEndpoint("direct:video").createAsyncProducer();
        producer.start();
    }

    @Override
    public void submit(int jobs, JobTally tally) {
        for (int i = 0; i < jobs; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("Benchmark scene " + i);
            producer.process(exchange, doneSync -> tally.ended(exchange));
        }
    }

    @Override
    public void close() throws Exception {
        if (producer != null) {
            producer.stop();
        }
        if (context != null) {
            context.stop();
        }
    }
}
