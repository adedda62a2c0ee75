package io.github.camelvideo.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelvideo.emulator.core.ApiRequest;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.JobSummary;
import io.github.camelvideo.emulator.core.Surface;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's own API under {@value #PREFIX}, outside every provider's paths, so a test or a
 * CI job in another process can see what the emulator received:
 *
 * <ul>
 *   <li>{@code GET /__emulator/requests} — the recorded requests as a JSON array, oldest first,
 *       filtered by {@code method}, {@code path} (a regular expression the whole path must match,
 *       as {@link VideoEmulator#requests(String, String)}), {@code surface} and {@code status}, paged
 *       with {@code since} (records with a higher {@code sequence}) and {@code limit}; the header
 *       {@value #LAST_SEQUENCE_HEADER} gives the highest sequence number recorded so far;</li>
 *   <li>{@code DELETE /__emulator/requests} — forgets them;</li>
 *   <li>{@code GET /__emulator/jobs} — the jobs of every surface ({@code ?surface=} to filter);</li>
 *   <li>{@code POST /__emulator/faults/hold-responses?method=&path=&times=},
 *       {@code POST /__emulator/faults/stall-downloads?times=&afterBytes=} — arm {@link Faults#holdResponses} and
 *       {@link Faults#stallDownloads}; {@code POST /__emulator/faults/release} lets what they hold go on;
 *       {@code GET /__emulator/faults} says how many answers are held and downloads stalled now;
 *       {@code DELETE /__emulator/faults} removes every rule ({@link Faults#reset()}).</li>
 *   <li>{@code GET /__emulator/webhooks} — the webhook deliveries made, oldest first ({@code ?video=} to filter
 *       by video id), each with its kind, event, webhook-id, attempt, time, the receiver's status and body.</li>
 * </ul>
 *
 * <p>It needs no key, as it is a local development tool, and is not itself recorded. Credentials
 * are never echoed: their headers and query parameters show as {@value Secrets#REDACTED}.
 */
final class AdminApi implements HttpHandler {

    /** The admin paths' prefix; no provider path starts with it. */
    static final String PREFIX = "/__emulator/";
    /** Response header with the highest sequence number recorded, for clients that page with {@code since}. */
    static final String LAST_SEQUENCE_HEADER = "X-Emulator-Last-Sequence";

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

    private final RequestLog log;
    private final List<Surface> surfaces;
    private final Supplier<List<JobSummary>> jobs;
    private final Faults faults;
    private final Supplier<List<WebhookDelivery>> webhooks;

    /**
     * Creates the handler.
     *
     * @param surfaces the provider surfaces in the order the HTTP front asks them, to name the surface of each record
     * @param jobs the jobs of every surface
     */
    AdminApi(RequestLog log, List<Surface> surfaces, Supplier<List<JobSummary>> jobs,
             Supplier<List<WebhookDelivery>> webhooks, Faults faults) {
        this.webhooks = webhooks;
        this.log = log;
        this.faults = faults;
        this.surfaces = List.copyOf(surfaces);
        this.jobs = jobs;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiRequest request = new ApiRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.of(), new byte[0]);
            Answer answer;
            try {
                answer = route(request);
            } catch (IllegalArgumentException e) {
                answer = error(400, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Admin request {} {} failed", request.method(), request.path(), e);
                answer = error(500, e.toString());
            }
            byte[] body = ApiResponse.JSON.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set(LAST_SEQUENCE_HEADER, Long.toString(log.lastSequence()));
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private record Answer(int status, Object body) {
    }

    private Answer route(ApiRequest request) {
        String resource = request.path().substring(PREFIX.length());
        if (resource.endsWith("/")) {
            resource = resource.substring(0, resource.length() - 1);
        }
        String method = request.method();
        if (resource.equals("requests") && method.equals("GET")) {
            return new Answer(200, requests(request));
        }
        if (resource.equals("requests") && method.equals("DELETE")) {
            int cleared = log.snapshot().size();
            log.clear();
            return new Answer(200, Map.of("cleared", cleared));
        }
        if (resource.equals("jobs") && method.equals("GET")) {
            return new Answer(200, jobs(request.queryParam("surface")));
        }
        if (resource.equals("webhooks") && method.equals("GET")) {
            return new Answer(200, webhooks(request.queryParam("video")));
        }
        if (resource.equals("faults") || resource.startsWith("faults/")) {
            return faults(request, resource, method);
        }
        if (resource.equals("requests") || resource.equals("jobs") || resource.equals("webhooks")) {
            return error(405, "Method " + method + " is not allowed on " + request.path());
        }
        return error(404, "No admin resource " + request.path() + "; there are " + PREFIX + "requests (GET, DELETE), "
                + PREFIX + "jobs (GET), " + PREFIX + "webhooks (GET) and " + PREFIX + "faults (GET, DELETE; POST to"
                + " hold-responses, stall-downloads, release)");
    }

    private Answer faults(ApiRequest request, String resource, String method) {
        if (resource.equals("faults") && method.equals("GET")) {
            return new Answer(200, waiting());
        }
        if (resource.equals("faults") && method.equals("DELETE")) {
            faults.reset();
            return new Answer(200, waiting());
        }
        if (!method.equals("POST") || resource.equals("faults")) {
            return error(405, "Method " + method + " is not allowed on " + request.path());
        }
        switch (resource) {
            case "faults/hold-responses" -> faults.holdResponses(required(request, "method"),
                    pattern(required(request, "path")).pattern(), times(request));
            case "faults/stall-downloads" -> faults.stallDownloads(times(request),
                    request.queryParam("afterBytes") == null ? 0 : number(request, "afterBytes"));
            case "faults/release" -> {
                return new Answer(200, Map.of("released", faults.release()));
            }
            default -> {
                return error(404, "No fault " + request.path() + "; there are hold-responses, stall-downloads and"
                        + " release");
            }
        }
        return new Answer(200, waiting());
    }

    private Map<String, Object> waiting() {
        return Map.of("heldResponses", faults.heldResponses(), "stalledDownloads", faults.stalledDownloads());
    }

    private static int times(ApiRequest request) {
        return request.queryParam("times") == null ? 1 : number(request, "times");
    }

    private static String required(ApiRequest request, String name) {
        String value = request.queryParam(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Missing '" + name + "'");
        }
        return value;
    }

    private ArrayNode requests(ApiRequest request) {
        String method = request.queryParam("method");
        Pattern path = pattern(request.queryParam("path"));
        String surface = request.queryParam("surface");
        Integer status = request.queryParam("status") == null ? null : number(request, "status");
        long since = request.queryParam("since") == null ? 0 : number(request, "since");
        int limit = request.queryParam("limit") == null ? Integer.MAX_VALUE : number(request, "limit");
        ArrayNode out = ApiResponse.JSON.createArrayNode();
        for (Map.Entry<Long, RecordedRequest> entry : log.after(since)) {
            if (out.size() >= limit) {
                break;
            }
            RecordedRequest r = entry.getValue();
            String served = surfaceOf(r.path());
            if ((method == null || method.equalsIgnoreCase(r.method()))
                    && (path == null || path.matcher(r.path()).matches())
                    && (surface == null || surface.equalsIgnoreCase(served))
                    && (status == null || status == r.status())) {
                out.add(describe(entry.getKey(), r, served));
            }
        }
        return out;
    }

    private static ObjectNode describe(long sequence, RecordedRequest r, String surface) {
        ObjectNode json = ApiResponse.JSON.createObjectNode();
        json.put("sequence", sequence);
        json.put("time", r.at().toString());
        json.put("surface", surface);
        json.put("method", r.method());
        json.put("path", r.path());
        json.put("query", Secrets.redactQuery(r.query()));
        json.put("status", r.status());
        json.put("bodySize", r.bodySize());
        ObjectNode headers = json.putObject("headers");
        r.headers().forEach((name, values) -> headers.put(name,
                Secrets.isSecretHeader(name) ? Secrets.REDACTED : String.join(", ", values)));
        return json;
    }

    private List<Map<String, Object>> jobs(String surface) {
        List<JobSummary> all = new ArrayList<>(jobs.get());
        all.sort(Comparator.comparingLong(JobSummary::createdAtMillis));
        List<Map<String, Object>> out = new ArrayList<>();
        for (JobSummary job : all) {
            if (surface != null && !surface.equalsIgnoreCase(job.surface())) {
                continue;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", job.id());
            json.put("surface", job.surface());
            json.put("state", job.state());
            json.put("progress", job.progress());
            json.put("model", job.model());
            json.put("seconds", job.seconds());
            json.put("requestDigest", job.requestDigest());
            json.put("created", Instant.ofEpochMilli(job.createdAtMillis()).toString());
            json.put("finished", job.finishedAtMillis() == null ? null
                    : Instant.ofEpochMilli(job.finishedAtMillis()).toString());
            out.add(json);
        }
        return out;
    }

    private List<Map<String, Object>> webhooks(String video) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (WebhookDelivery d : webhooks.get()) {
            if (video != null && !video.equals(d.videoId())) {
                continue;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("sequence", d.sequence());
            json.put("kind", d.kind().name());
            json.put("video", d.videoId());
            json.put("type", d.eventType());
            json.put("webhookId", d.webhookId());
            json.put("timestamp", d.timestamp());
            json.put("attempt", d.attempt());
            json.put("time", d.sentAt().toString());
            json.put("status", d.status());
            json.put("body", d.bodyText());
            out.add(json);
        }
        return out;
    }

    private String surfaceOf(String path) {
        for (Surface surface : surfaces) {
            if (surface.serves(path)) {
                return surface.name();
            }
        }
        return null;
    }

    private static Pattern pattern(String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid 'path': not a regular expression: " + regex);
        }
    }

    private static int number(ApiRequest request, String name) {
        String value = request.queryParam(name);
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid '" + name + "': expected a whole number >= 0, got '" + value + "'");
        }
    }

    private static Answer error(int status, String message) {
        return new Answer(status, Map.of("error", Map.of("status", status, "message", message)));
    }
}
