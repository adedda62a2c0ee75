package io.github.camelvideo.reliability;

import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.camelvideo.core.job.JobStore;
import io.github.camelvideo.sora.SoraComponent;
import io.github.camelvideo.sora.SoraConfiguration;
import io.github.camelvideo.sora.SoraConstants;

/** One running instance of an application in this JVM: a Camel context with a {@code sora} component of its own. */
final class VideoInstance implements AutoCloseable {

    private final CamelContext context;
    private final ProducerTemplate template;

    private VideoInstance(CamelContext context) {
        this.context = context;
        this.template = context.createProducerTemplate();
    }

    /**
     * Starts an instance talking to {@code baseUrl}, downloading into {@code output}, with {@code store} as its job
     * store (null: the default file store in {@code output}).
     */
    static VideoInstance start(String baseUrl, Path output, JobStore store) throws Exception {
        CamelContext context = new DefaultCamelContext();
        SoraComponent sora = new SoraComponent();
        SoraConfiguration c = sora.getConfiguration();
        c.setBaseUrl(baseUrl);
        c.setApiKey(VideoApplication.API_KEY);
        c.setOutputDirectory(output.toString());
        c.setPollInitialDelay(50);
        c.setPollMaxInterval(200);
        c.setTimeout(120_000);
        if (store != null) {
            sora.setJobStore(store);
        }
        context.addComponent("sora", sora);
        context.start();
        return new VideoInstance(context);
    }

    /** Sends a prompt under an idempotency key and answers the exchange, failed or not. */
    Exchange send(String uri, String key) {
        return template.send(uri, e -> {
            e.getMessage().setBody(WorkDirectory.prompt(key));
            e.getMessage().setHeader(SoraConstants.IDEMPOTENCY_KEY, key);
        });
    }

    CamelContext context() {
        return context;
    }

    @Override
    public void close() {
        template.stop();
        context.stop();
    }
}
