package io.github.camelvideo.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.camelvideo.emulator.core.ContentFault;
import io.github.camelvideo.emulator.core.Hold;
import io.github.camelvideo.emulator.core.JobFate;

/**
 * Faults to inject, set by tests. Every rule applies a number of times ({@code times}) and is
 * then used up; when several rules match, the one added first is used first. Thread-safe.
 *
 * <p>Request rules match an HTTP method (case-insensitive; {@code "*"} for any) and a regular
 * expression that must match the whole request path, e.g. {@code ("POST", "/v1/videos")},
 * {@code ("GET", "/v1/videos/[^/]+")} or {@code ("POST", "/v1beta/models/.*:predictLongRunning")}.
 * Rules count only authenticated requests. Every surface answers in its own envelope: OpenAI's
 * on {@code /v1/videos}, Google's {@code {"error":{"code","message","status"}}} on the Gemini,
 * Vertex AI, Cloud Storage and token paths.
 *
 * <p>Job rules ({@link #failJobs}, {@link #filterJobs}, {@link #neverFinishJobs}) apply to the
 * next jobs created on any surface, OpenAI videos and Veo operations alike; download rules
 * ({@link #resetDownload}, {@link #jsonFromContent}) to the next media downloads: OpenAI
 * {@code /content}, the Gemini file download and Cloud Storage {@code alt=media} reads.
 */
public final class Faults {

    /** What happens to a matching request. */
    enum HttpFaultKind {
        RATE_LIMIT, SERVER_ERROR, REFUSE, ACCEPT_THEN_FAIL, ACCEPT_THEN_DROP, ACCEPT_THEN_TIMEOUT, HOLD_RESPONSE;

        boolean beforeHandling() {
            return this == RATE_LIMIT || this == SERVER_ERROR || this == REFUSE;
        }
    }

    /** A request fault that was triggered; for {@code REFUSE}, {@code retryAfterSeconds} holds the status. */
    record HttpFault(HttpFaultKind kind, int retryAfterSeconds) {
    }

    private static final class Counted<T> {
        final T value;
        int remaining;

        Counted(T value, int remaining) {
            this.value = value;
            this.remaining = remaining;
        }
    }

    private record RequestRule(HttpFaultKind kind, String method, Pattern path, int retryAfterSeconds) {
        boolean matches(String requestMethod, String requestPath) {
            return (method.equals("*") || method.equalsIgnoreCase(requestMethod)) && path.matcher(requestPath).matches();
        }
    }

    private final List<Counted<RequestRule>> requestRules = new ArrayList<>();
    private final List<Counted<JobFate>> jobRules = new ArrayList<>();
    private final List<Counted<ContentFault>> contentRules = new ArrayList<>();
    private final Hold heldResponses = new Hold();
    private final Hold stalledDownloads = new Hold();
    private int closeBeforeRead;
    private int closeAfterResponse;
    private volatile Duration idleConnectionTimeout;

    Faults() {
    }

    /**
     * Answers the next {@code times} matching requests with 429, a {@code Retry-After} header and
     * the surface's rate-limit envelope (OpenAI's {@code rate_limit_exceeded}, Google's
     * {@code RESOURCE_EXHAUSTED}). The request is not processed.
     */
    public Faults rateLimit(String method, String pathRegex, int times, int retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0");
        }
        return addRequestRule(HttpFaultKind.RATE_LIMIT, method, pathRegex, times, retryAfterSeconds);
    }

    /**
     * Answers the next {@code times} matching requests with this error status in the surface's envelope (on Kie,
     * e.g. 402 for exhausted credits or 455 for maintenance, as the envelope's {@code code}); the request is not
     * processed.
     */
    public Faults refuse(String method, String pathRegex, int times, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an error status (400..599)");
        }
        return addRequestRule(HttpFaultKind.REFUSE, method, pathRegex, times, status);
    }

    /** Answers the next {@code times} matching requests with 500; the request is not processed. */
    public Faults serverError(String method, String pathRegex, int times) {
        return addRequestRule(HttpFaultKind.SERVER_ERROR, method, pathRegex, times, 0);
    }

    /**
     * Processes the next {@code times} matching requests that succeed (so a POST creates its job)
     * but answers 500: an in-doubt submission.
     */
    public Faults acceptThenFail(String method, String pathRegex, int times) {
        return addRequestRule(HttpFaultKind.ACCEPT_THEN_FAIL, method, pathRegex, times, 0);
    }

    /**
     * Processes the next {@code times} matching requests that succeed (so a POST creates its job)
     * but answers 504 as the surface's gateway words a timeout (fal: {@code request_timeout}): an
     * in-doubt submission whose job exists.
     */
    public Faults acceptThenTimeout(String method, String pathRegex, int times) {
        return addRequestRule(HttpFaultKind.ACCEPT_THEN_TIMEOUT, method, pathRegex, times, 0);
    }

    /**
     * Processes the next {@code times} matching requests that succeed (so a POST creates its job)
     * but closes the connection without any response.
     */
    public Faults acceptThenDrop(String method, String pathRegex, int times) {
        return addRequestRule(HttpFaultKind.ACCEPT_THEN_DROP, method, pathRegex, times, 0);
    }

    /**
     * Processes the next {@code times} matching requests (so a POST creates its job) and records them, then holds
     * their answers until {@link #release()}: the client has sent the request and the provider accepted it, but the
     * client does not know yet. A test in another process sees the request recorded (and {@link #heldResponses()})
     * and can, for example, kill the client at exactly that point.
     */
    public Faults holdResponses(String method, String pathRegex, int times) {
        return addRequestRule(HttpFaultKind.HOLD_RESPONSE, method, pathRegex, times, 0);
    }

    /**
     * The next {@code times} successful media downloads (as for {@link #resetDownload}) declare their full
     * Content-Length, send {@code afterBytes} bytes (at most one less than the length) and then wait until
     * {@link #release()} before sending the rest: downloads certainly in progress while they wait, seen as
     * {@link #stalledDownloads()}.
     */
    public Faults stallDownloads(int times, long afterBytes) {
        if (afterBytes < 0) {
            throw new IllegalArgumentException("afterBytes must be >= 0");
        }
        return addCounted(contentRules, new ContentFault.Stall(afterBytes, stalledDownloads), times);
    }

    /**
     * Lets every held answer ({@link #holdResponses}) and stalled download ({@link #stallDownloads}) go on; an answer
     * whose client went away meanwhile is written to a closed connection and lost.
     *
     * @return how many were waiting
     */
    public int release() {
        return heldResponses.release() + stalledDownloads.release();
    }

    /** How many answers are held now by {@link #holdResponses}. */
    public int heldResponses() {
        return heldResponses.waiting();
    }

    /** How many downloads are stalled now by {@link #stallDownloads}. */
    public int stalledDownloads() {
        return stalledDownloads.waiting();
    }

    /**
     * Counts the answer as held if {@code fault} holds it, before the request is recorded.
     *
     * @return the ticket for {@link #awaitRelease(long)}, or -1 when the answer is not held
     */
    long holdIfAsked(HttpFault fault) {
        return fault != null && fault.kind() == HttpFaultKind.HOLD_RESPONSE ? heldResponses.enter() : -1;
    }

    /** Waits until {@link #release()} for an answer {@link #holdIfAsked} held. */
    void awaitRelease(long ticket) throws java.io.InterruptedIOException {
        if (ticket >= 0) {
            heldResponses.await(ticket);
        }
    }

    /**
     * The next {@code times} successful media downloads ({@code /content}, Gemini file downloads,
     * Cloud Storage {@code alt=media}) declare their full Content-Length, send {@code afterBytes}
     * bytes (at most one less than the length) and then close the connection. The client sees an
     * IOException and may resume with {@code Range}.
     */
    public Faults resetDownload(int times, long afterBytes) {
        if (afterBytes < 0) {
            throw new IllegalArgumentException("afterBytes must be >= 0");
        }
        return addCounted(contentRules, new ContentFault.Reset(afterBytes), times);
    }

    /**
     * The next {@code times} created jobs complete normally. Job rules apply in the order they were added, so this
     * lets a later rule hit a later job: {@code succeedJobs(1).failJobs(1, ...)} fails the second job.
     */
    public Faults succeedJobs(int times) {
        return addCounted(jobRules, JobFate.COMPLETE, times);
    }

    /**
     * The next {@code times} created jobs fail with this code and message: an OpenAI video ends
     * {@code failed} with this {@code error.code}; a Veo operation ends {@code done} with
     * {@code error.code} = the code as an integer when it is numeric, else 13 (INTERNAL).
     */
    public Faults failJobs(int times, String code, String message) {
        return addCounted(jobRules, JobFate.fail(Objects.requireNonNull(code, "code"),
                Objects.requireNonNull(message, "message")), times);
    }

    /**
     * The next {@code times} created jobs are removed by the safety filters: a Veo operation ends
     * {@code done} with {@code raiMediaFilteredCount} and these {@code raiMediaFilteredReasons}
     * and no video; an OpenAI video ends {@code failed} with {@code error.code}
     * {@code moderation_blocked} and the reasons in the message.
     */
    public Faults filterJobs(int times, List<String> reasons) {
        Objects.requireNonNull(reasons, "reasons").forEach(r -> Objects.requireNonNull(r, "reason"));
        return addCounted(jobRules, JobFate.filter(reasons), times);
    }

    /** The next {@code times} created jobs never finish: in progress forever, progress below 100. */
    public Faults neverFinishJobs(int times) {
        return addCounted(jobRules, JobFate.neverFinish(), times);
    }

    /**
     * The next {@code times} successful media downloads (as for {@link #resetDownload}) are 200
     * with {@code Content-Type: application/json} and an error document in the surface's envelope
     * instead of the media.
     */
    public Faults jsonFromContent(int times) {
        return addCounted(contentRules, new ContentFault.JsonBody(), times);
    }

    /**
     * Closes keep-alive connections that have been idle (no request in progress) for longer than {@code idle}, as
     * the proxies and load balancers in front of real providers do (nginx after 75 s, AWS application load balancers
     * after 60 s, Node.js servers after 5 s). A request the client writes onto a connection just closed gets no
     * answer. {@code null} or zero turns it off (the default). Checked every 20 ms.
     */
    public Faults closeIdleConnectionsAfter(Duration idle) {
        if (idle != null && idle.isNegative()) {
            throw new IllegalArgumentException("idle must be >= 0");
        }
        this.idleConnectionTimeout = idle == null || idle.isZero() ? null : idle;
        return this;
    }

    /**
     * Closes the next {@code times} new connections as soon as they are accepted, with a reset and before reading
     * anything from them: the server never sees the request. Whether the client can tell that nothing was sent
     * depends on whether the close reached it before it wrote the request.
     */
    public synchronized Faults closeBeforeRead(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0");
        }
        closeBeforeRead += times;
        return this;
    }

    /**
     * After each of the next {@code times} responses, closes the connection that carried it before another request
     * is read from it, as a proxy whose keep-alive timer fires right after a response. The client's pooled connection
     * is then closed before it sends anything more on it; a client that writes on it anyway gets no answer.
     */
    public synchronized Faults closeAfterResponse(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0");
        }
        closeAfterResponse += times;
        return this;
    }

    /**
     * Closes the connection after reading the next {@code times} matching requests, without answering; the request
     * is processed (a POST creates its job) and recorded with status 0. The same as {@link #acceptThenDrop}.
     */
    public Faults dropAfterRead(String method, String pathRegex, int times) {
        return acceptThenDrop(method, pathRegex, times);
    }

    /** The idle timeout set by {@link #closeIdleConnectionsAfter}, or null. */
    Duration idleConnectionTimeout() {
        return idleConnectionTimeout;
    }

    synchronized boolean takeCloseBeforeRead() {
        if (closeBeforeRead == 0) {
            return false;
        }
        closeBeforeRead--;
        return true;
    }

    synchronized boolean takeCloseAfterResponse() {
        if (closeAfterResponse == 0) {
            return false;
        }
        closeAfterResponse--;
        return true;
    }

    /** Removes every rule and releases what waits ({@link #release()}). */
    public void reset() {
        synchronized (this) {
            clearRules();
        }
        release();
    }

    private void clearRules() {
        closeBeforeRead = 0;
        closeAfterResponse = 0;
        idleConnectionTimeout = null;
        requestRules.clear();
        jobRules.clear();
        contentRules.clear();
    }

    private Faults addRequestRule(HttpFaultKind kind, String method, String pathRegex, int times, int retryAfter) {
        Objects.requireNonNull(method, "method");
        RequestRule rule = new RequestRule(kind, method, Pattern.compile(Objects.requireNonNull(pathRegex, "pathRegex")),
                retryAfter);
        return addCounted(requestRules, rule, times);
    }

    private synchronized <T> Faults addCounted(List<Counted<T>> rules, T value, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0");
        }
        if (times > 0) {
            rules.add(new Counted<>(value, times));
        }
        return this;
    }

    /** Consumes a rule applying before the request is processed (429, 500), or returns null. */
    synchronized HttpFault takeBeforeHandling(String method, String path) {
        return takeRequestRule(method, path, true);
    }

    /** Consumes a rule applying after a successful processing (accept then fail/drop), or returns null. */
    synchronized HttpFault takeAfterAccepting(String method, String path) {
        return takeRequestRule(method, path, false);
    }

    synchronized JobFate takeJobFate() {
        JobFate fate = take(jobRules);
        return fate == null ? JobFate.COMPLETE : fate;
    }

    synchronized ContentFault takeContentFault() {
        return take(contentRules);
    }

    private HttpFault takeRequestRule(String method, String path, boolean before) {
        for (Iterator<Counted<RequestRule>> it = requestRules.iterator(); it.hasNext();) {
            Counted<RequestRule> counted = it.next();
            RequestRule rule = counted.value;
            if (rule.kind().beforeHandling() == before && rule.matches(method, path)) {
                if (--counted.remaining == 0) {
                    it.remove();
                }
                return new HttpFault(rule.kind(), rule.retryAfterSeconds());
            }
        }
        return null;
    }

    private static <T> T take(List<Counted<T>> rules) {
        if (rules.isEmpty()) {
            return null;
        }
        Counted<T> first = rules.get(0);
        if (--first.remaining == 0) {
            rules.remove(0);
        }
        return first.value;
    }
}
