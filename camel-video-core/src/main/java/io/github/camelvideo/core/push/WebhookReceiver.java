package io.github.camelvideo.core.push;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.job.JobStore;
import io.github.camelvideo.core.webhook.WebhookEvent;
import io.github.camelvideo.core.webhook.WebhookEvents;
import io.github.camelvideo.core.webhook.WebhookRefusal;
import io.github.camelvideo.core.webhook.WebhookRequest;
import io.github.camelvideo.core.webhook.WebhookVerifier;

/**
 * Receives a provider's webhook deliveries on Camel's platform-http and turns each verified one into an immediate
 * status read of the job it names. In order: the size, then the provider's scheme ({@link WebhookVerifier}: its
 * headers, timestamp and signature, or a per-job token) are checked before anything else; the delivery's id, for
 * schemes that have one, must be new to this receiver (kept in memory), so the same
 * delivery sent again is refused at once; the body is read as an event and the job's status read is started; and
 * the id is remembered in the job store, durably and for every instance sharing it, before the answer: an id the
 * store knows already (accepted by another instance, or before a restart) is refused too. The store's write (a
 * file written and synced, a database row) is not on the way to the status read, so the route hears of the job as
 * fast with the file store as with the memory one. The event is a hint, never the job's state: the status read
 * decides, so a duplicated, late, replayed or out-of-order event changes nothing but, at most, one extra read.
 * <p>
 * A refused delivery is answered 400 or 401 with an empty body, counted, and logged in one line naming the reason,
 * never the body, the headers' values or the secret: at WARN the first time per reason, then at DEBUG (a flood of
 * forged requests cannot flood the log; {@link #stats()} keeps counting). A verified delivery is answered 200 at
 * once: the read it triggers runs on the engine's threads, and a download after it on the worker pool, never on the
 * HTTP thread.
 */
public final class WebhookReceiver implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    private final String path;
    private final WebhookVerifier verifier;
    private final WebhookEvents events;
    private final JobHints hints;
    private final Supplier<JobStore> store;
    private final Clock clock;
    private final WebhookStats stats = new WebhookStats();
    /** Ids accepted by this receiver: far more than the deliveries of a tolerance window at any real rate. */
    private final RecentIds recent = new RecentIds(100_000);
    private volatile Observer observer = new Observer() {
    };

    /** Hears of each verified delivery that hinted a job and each refused delivery, for metrics. */
    public interface Observer {

        /** A verified delivery hinted a job this instance waits for. */
        default void accepted() {
        }

        /** A delivery was refused for {@code reason}. */
        default void refused(WebhookRefusal reason) {
        }
    }

    /**
     * @param path     the path served, for log lines
     * @param verifier checks signatures, timestamps and sizes
     * @param events   reads the provider's event format
     * @param hints    reads a job's status now
     * @param store    where delivery ids are remembered (the component's job store)
     * @param clock    the time ids are remembered from
     */
    public WebhookReceiver(String path, WebhookVerifier verifier, WebhookEvents events, JobHints hints,
                           Supplier<JobStore> store, Clock clock) {
        this.path = Objects.requireNonNull(path, "path");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.events = Objects.requireNonNull(events, "events");
        this.hints = Objects.requireNonNull(hints, "hints");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reports deliveries to {@code observer} from now on. */
    public void observe(Observer observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** What this receiver did so far. */
    public WebhookStats stats() {
        return stats;
    }

    /** The path served. */
    public String path() {
        return path;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        int status;
        try {
            status = receive(message);
        } catch (RuntimeException e) {
            // a failure of our own (the job store, a bug): the sender retries later; nothing of the delivery is logged
            LOG.warn("Could not handle a webhook delivery on {}: {}", path, e.getClass().getName());
            status = 503;
        }
        answer(message, status);
    }

    private int receive(Message message) {
        Long declared = message.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > verifier.maxBodyBytes()) {
            return refuse(WebhookRefusal.TOO_LARGE, null);
        }
        WebhookRequest request = request(message);
        if (request.body().length > verifier.maxBodyBytes()) {
            return refuse(WebhookRefusal.TOO_LARGE, null);
        }
        WebhookVerifier.Verification verification = verifier.verify(request);
        if (!verification.isVerified()) {
            return refuse(verification.refusal(), null);
        }
        String id = verification.deliveryId();
        Instant until = rememberUntil(verification.signedAt());
        if (id != null && !recent.rememberOnce(id, until, clock.instant())) {
            return refuse(WebhookRefusal.REPLAYED, id);
        }
        WebhookEvent event;
        try {
            event = events.read(request.body());
        } catch (IllegalArgumentException e) {
            return refuse(WebhookRefusal.UNREADABLE, id);
        }
        hint(event);
        if (id != null && !store.get().rememberOnce(replayKey(id), until)) {
            // accepted before by another instance or an earlier run: the read just started is one read more
            return refuse(WebhookRefusal.REPLAYED, id);
        }
        return 200;
    }

    /** The request as the verifier sees it: headers as sent, the query string and the raw body. */
    private static WebhookRequest request(Message message) {
        Map<String, String> headers = new HashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof String text) {
                headers.put(name, text);
            }
        });
        return new WebhookRequest(headers, message.getHeader(Exchange.HTTP_QUERY, String.class),
                message.getBody(byte[].class));
    }

    private void hint(WebhookEvent event) {
        if (event.jobId() == null) {
            stats.countOtherEvent();
            LOG.debug("Webhook event {} of type {} on {} is about no job; ignored", event.id(), event.type(), path);
        } else if (hints.pollNow(event.jobId())) {
            stats.countAccepted();
            observer.accepted();
            LOG.debug("Webhook event {} ({}) for job {}: reading its status now", event.id(), event.type(),
                    event.jobId());
        } else {
            stats.countUnknownJob();
            LOG.debug("Webhook event {} ({}) for job {}, which this instance does not wait for; acknowledged",
                    event.id(), event.type(), event.jobId());
        }
    }

    /**
     * Until when a delivery id is remembered: a replay after that has a timestamp outside the tolerance, refused by
     * the verifier.
     */
    private Instant rememberUntil(Instant signedAt) {
        Instant now = clock.instant();
        Instant from = signedAt != null && signedAt.isAfter(now) ? signedAt : now;
        return from.plus(verifier.tolerance()).plusSeconds(1);
    }

    /** Delivery ids share the store's remembered ids with other uses: they get a namespace of their own. */
    private String replayKey(String deliveryId) {
        return "webhook:" + path + ":" + deliveryId;
    }

    private int refuse(WebhookRefusal reason, String deliveryId) {
        long count = stats.countRefused(reason);
        observer.refused(reason);
        String id = deliveryId == null ? "" : " " + deliveryId;
        if (count == 1) {
            LOG.warn("Refused a webhook delivery{} on {}: {} (answered {}); further refusals for this reason are"
                     + " logged at DEBUG and counted", id, path, reason.reason(), reason.status());
        } else {
            LOG.debug("Refused a webhook delivery{} on {}: {} (answered {}; {} so far)", id, path, reason.reason(),
                    reason.status(), count);
        }
        return reason.status();
    }

    /** An empty answer: none of the request's headers go back, and nothing says why a delivery was refused. */
    private static void answer(Message message, int status) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setBody(null);
    }
}
