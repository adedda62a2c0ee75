package io.github.camelvideo.core.camel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.job.JobCollector;
import io.github.camelvideo.core.job.JobOptions;
import io.github.camelvideo.core.job.JobOutcome;
import io.github.camelvideo.core.job.JobRecord;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoProvider;

/**
 * The consumer of {@code from("<scheme>:jobs")}: one exchange for every job whose result no waiting exchange
 * collected (submitted with {@code waitForCompletion=false}, left by an earlier run or by an instance that died). The
 * exchange carries what the producer would have given: the file as body and the same headers, plus the headers kept
 * by {@code storedHeaders} and the job's idempotency key; for a job that failed, timed out or is in doubt, the typed
 * exception, handed to the route's error handler. The job is recorded as delivered only when the exchange completed
 * without an exception; delivery is at least once.
 */
public final class CompletedJobsConsumer extends DefaultConsumer implements JobCollector.Delivery {

    private final VideoEndpointSupport endpoint;
    private final Supplier<VideoProvider<?>> provider;
    private final HeaderNames headers;
    private final OutcomeWriter writer;
    private final BiConsumer<Message, JobStatus> extraHeaders;
    private JobCollector collector;

    /**
     * @param provider     the started endpoint's provider: the consumer collects the jobs recorded for it
     * @param extraHeaders writes a component's own output headers of a job status, after the common ones
     */
    public CompletedJobsConsumer(VideoEndpointSupport endpoint, Processor processor,
                                 Supplier<VideoProvider<?>> provider,
                                 HeaderNames headers, BiConsumer<Message, JobStatus> extraHeaders) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.provider = provider;
        this.headers = headers;
        this.writer = new OutcomeWriter(headers);
        this.extraHeaders = extraHeaders;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        VideoEngine engine = endpoint.engine();
        VideoJobConfiguration c = endpoint.jobConfiguration();
        // a third of the lease: a job whose owner died is taken over soon after its lease expired
        collector = new JobCollector(engine.runner(), provider.get(), record -> options(c, record), engine.scheduler(),
                engine.workerExecutor(), engine.leases().duration().dividedBy(3), this);
        collector.start();
    }

    @Override
    protected void doStop() throws Exception {
        if (collector != null) {
            collector.stop();
            collector = null;
        }
        super.doStop();
    }

    private static JobOptions options(VideoJobConfiguration c, JobRecord record) {
        return new JobOptions(true, c.isDownload(), c.outputPath(), null, "video", c.pollPolicy(), record.key())
                .withStoredHeaders(record.headers());
    }

    @Override
    public CompletionStage<Boolean> deliver(JobRecord record, JobOutcome outcome, Throwable failure) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        record.headers().forEach(message::setHeader);
        message.setHeader(headers.idempotencyKey(), record.key());
        if (record.ref() != null) {
            message.setHeader(headers.jobId(), record.ref().id());
        }
        if (outcome != null) {
            writer.write(message, outcome);
            extraHeaders.accept(message, outcome.status());
            if (outcome.file() != null && endpoint.jobConfiguration().isDeleteAfterRoute()) {
                DeleteAfterRoute.register(exchange, outcome.file().path());
            }
        } else {
            if (failure instanceof VideoException ve && ve.getJobId() != null) {
                message.setHeader(headers.jobId(), ve.getJobId());
            }
            // as Camel's consumers bridge a failure to the route: its error handler (onException) receives it
            exchange.setException(failure);
            exchange.setProperty(ExchangePropertyKey.ERRORHANDLER_BRIDGE, true);
        }
        CompletableFuture<Boolean> delivered = new CompletableFuture<>();
        try {
            getAsyncProcessor().process(exchange, doneSync -> {
                boolean ok = exchange.getException() == null;
                if (!ok) {
                    getExceptionHandler().handleException("The route receiving job " + record.key() + " failed",
                            exchange, exchange.getException());
                }
                releaseExchange(exchange, false);
                delivered.complete(ok);
            });
        } catch (RuntimeException e) {
            delivered.completeExceptionally(e);
        }
        return delivered;
    }
}
