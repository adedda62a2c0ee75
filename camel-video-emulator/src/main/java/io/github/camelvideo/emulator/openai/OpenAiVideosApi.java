package io.github.camelvideo.emulator.openai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelvideo.emulator.core.ApiRequest;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.FaultHooks;
import io.github.camelvideo.emulator.core.ErrorStyle;
import io.github.camelvideo.emulator.core.JobFate;
import io.github.camelvideo.emulator.core.JobSummary;
import io.github.camelvideo.emulator.core.JobTimeline;
import io.github.camelvideo.emulator.core.RequestDigest;
import io.github.camelvideo.emulator.core.JsonFolder;
import io.github.camelvideo.emulator.core.Surface;
import io.github.camelvideo.emulator.core.Toggle;
import io.github.camelvideo.emulator.media.Footage;
import io.github.camelvideo.emulator.media.MediaLibrary;
import io.github.camelvideo.emulator.webhook.VideoEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI Videos API ({@code /v1/videos...}): authentication, routing and the handlers of
 * create, retrieve, list, delete, content, remix and extensions. It serves every path no other
 * surface claims, so unknown paths get OpenAI's answers.
 */
public final class OpenAiVideosApi implements Surface {

    /** Path prefix of every endpoint. */
    public static final String BASE_PATH = "/v1/videos";

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiVideosApi.class);

    private final ApiSettings settings;
    private final MediaLibrary media;
    private final FaultHooks faults;
    private final Toggle extensions;
    private final VideoStore store = new VideoStore();
    private final ContentResponder content;
    private volatile VideoEvents events = VideoEvents.NONE;

    /**
     * Creates the API.
     *
     * @param settings lifecycle, auth and header settings
     * @param media where rendered files come from
     * @param faults the fault plan consulted for job fates and downloads
     * @param extensions whether {@code POST /videos/extensions} is offered; when off it is an
     *        unknown route, as on a server without extensions
     */
    public OpenAiVideosApi(ApiSettings settings, MediaLibrary media, FaultHooks faults, Toggle extensions) {
        this.settings = settings;
        this.media = media;
        this.faults = faults;
        this.extensions = extensions;
        this.content = new ContentResponder(media, faults);
    }

    /** Tells {@code events} about every video created from now on (for its webhook event). */
    public void announceTo(VideoEvents events) {
        this.events = events;
    }

    /** Number of videos currently stored (created and not deleted). */
    public int jobCount() {
        return store.size();
    }

    /**
     * Keeps every video in {@code folder} from now on and takes back those an earlier run kept
     * there; their state follows the clock, so time spent stopped counts.
     *
     * @return the number of videos taken back
     */
    public int persistTo(JsonFolder folder) {
        int restored = store.persistTo(folder);
        store.all().stream().filter(job -> job.fate().kind() == JobFate.Kind.COMPLETE)
                .forEach(job -> media.prefetch(job.footage()));
        return restored;
    }

    /** The videos stored now, oldest first, with their current state. */
    public List<JobSummary> jobs() {
        long now = now();
        List<JobSummary> summaries = new ArrayList<>();
        for (VideoJob job : store.sorted(true)) {
            VideoJob.State state = state(job, now);
            // The millisecond the job ended (the Video object only has whole seconds).
            long finished = JobTimeline.at(job.createdAtMillis(), job.fate(), settings.jobDuration().toMillis(), now)
                    .finishedAtMillis();
            summaries.add(new JobSummary(job.id(), "openai", state.status(), state.progress(), job.createdAtMillis(),
                    finished < 0 ? null : finished, job.model(), job.seconds(), job.requestDigest()));
        }
        return summaries;
    }

    @Override
    public String name() {
        return "openai";
    }

    /** Every path: this surface is the fallback. */
    @Override
    public boolean serves(String path) {
        return true;
    }

    @Override
    public ErrorStyle errors() {
        return OpenAiErrors.INSTANCE;
    }

    /**
     * Checks the bearer key.
     *
     * @return a 401 response when the request is not authenticated, else empty
     */
    @Override
    public Optional<ApiResponse> authenticate(ApiRequest request) {
        String authorization = request.header("authorization");
        String key = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).trim();
        }
        boolean ok = key != null && !key.isEmpty() && (settings.apiKey() == null || settings.apiKey().equals(key));
        return ok ? Optional.empty() : Optional.of(ApiException.unauthorized(key).toResponse());
    }

    /** Serves an authenticated request; never throws. */
    @Override
    public ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (ApiException e) {
            return e.toResponse();
        } catch (RuntimeException e) {
            LOG.warn("Unexpected failure serving {} {}", request.method(), request.path(), e);
            return ApiException.serverError().toResponse();
        }
    }

    private ApiResponse route(ApiRequest request) {
        String path = request.path();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String method = request.method();
        if (path.equals(BASE_PATH)) {
            switch (method) {
                case "POST":
                    return create(request);
                case "GET":
                    return list(request);
                default:
                    throw ApiException.invalidUrl(method, request.path());
            }
        }
        if (!path.startsWith(BASE_PATH + "/")) {
            throw ApiException.invalidUrl(method, request.path());
        }
        String[] segments = path.substring(BASE_PATH.length() + 1).split("/", -1);
        if (segments.length == 1 && segments[0].equals("extensions") && method.equals("POST") && extensions.isOn()) {
            return extend(request);
        }
        if (segments.length == 1 && method.equals("GET")) {
            return retrieve(segments[0]);
        }
        if (segments.length == 1 && method.equals("DELETE")) {
            return delete(segments[0]);
        }
        if (segments.length == 2 && segments[1].equals("content") && method.equals("GET")) {
            VideoJob job = store.require(segments[0]);
            long now = now();
            return content.respond(request, job, state(job, now), now);
        }
        if (segments.length == 2 && segments[1].equals("remix") && method.equals("POST")) {
            return remix(request, segments[0]);
        }
        throw ApiException.invalidUrl(method, request.path());
    }

    private ApiResponse create(ApiRequest request) {
        VideoRequests.Create create = VideoRequests.create(RequestForm.parse(request));
        VideoJob job = store.create(create.model(), create.prompt(), create.footage(), now(), null, 0,
                faults.nextJobFate(), RequestDigest.of(request));
        return created(job);
    }

    private ApiResponse remix(ApiRequest request, String sourceId) {
        String prompt = VideoRequests.remix(RequestForm.parse(request));
        VideoJob source = requireCompleted(sourceId, "remixed");
        // A remix is a new rendering of the whole video, so its content is fresh footage.
        Footage footage = Footage.fresh(source.width(), source.height(), source.seconds());
        VideoJob job = store.create(source.model(), prompt, footage, now(), source.id(), 0, faults.nextJobFate(),
                RequestDigest.of(request));
        return created(job);
    }

    private ApiResponse extend(ApiRequest request) {
        VideoRequests.Extension extension = VideoRequests.extension(RequestForm.parse(request));
        VideoJob source = requireCompleted(extension.videoId(), "extended");
        int total = source.seconds() + extension.seconds();
        if (source.extensions() >= VideoRequests.MAX_EXTENSIONS) {
            throw ApiException.invalidRequest("Video '" + source.id() + "' has already been extended "
                    + VideoRequests.MAX_EXTENSIONS + " times, the maximum.", "video", "invalid_value");
        }
        if (total > VideoRequests.MAX_EXTENDED_SECONDS) {
            throw ApiException.invalidRequest("Invalid 'seconds': the extended video would last " + total
                    + " seconds; the maximum is " + VideoRequests.MAX_EXTENDED_SECONDS + ".", "seconds", "invalid_value");
        }
        // The content is the source's own video followed by the new seconds; Video.seconds of an
        // extension is the stitched total.
        VideoJob job = store.create(source.model(), extension.prompt(), source.footage().continued(extension.seconds()),
                now(), null, source.extensions() + 1, faults.nextJobFate(), RequestDigest.of(request));
        return created(job);
    }

    private ApiResponse created(VideoJob job) {
        if (job.fate().kind() == JobFate.Kind.COMPLETE) {
            // Start rendering now so the download is ready when the job completes.
            media.prefetch(job.footage());
        }
        LOG.debug("Created {} ({} {} {} s, fate {})", job.id(), job.model(), job.size(), job.seconds(), job.fate().kind());
        JobFate.Kind fate = job.fate().kind();
        events.created(job.id(), fate == JobFate.Kind.NEVER_FINISH ? -1
                : job.createdAtMillis() + settings.jobDuration().toMillis(), fate != JobFate.Kind.COMPLETE);
        return ApiResponse.json(200, job.toJson(state(job, now())));
    }

    private ApiResponse retrieve(String id) {
        VideoJob job = store.require(id);
        ApiResponse response = ApiResponse.json(200, job.toJson(state(job, now())));
        if (settings.pollAfterMs() > 0) {
            response.header("openai-poll-after-ms", Long.toString(settings.pollAfterMs()));
        }
        return response;
    }

    private ApiResponse delete(String id) {
        VideoJob job = store.require(id);
        VideoJob.State state = state(job, now());
        if (!state.isFinished()) {
            throw ApiException.invalidRequest("Video '" + id + "' is " + state.status()
                    + "; only completed or failed videos can be deleted.", null, null);
        }
        store.remove(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("object", "video.deleted");
        body.put("deleted", true);
        return ApiResponse.json(200, body);
    }

    private ApiResponse list(ApiRequest request) {
        int limit = ListParams.limit(request.queryParam("limit"));
        boolean ascending = ListParams.ascending(request.queryParam("order"));
        String after = request.queryParam("after");
        List<VideoJob> all = store.sorted(ascending);
        int from = 0;
        if (after != null && !after.isEmpty()) {
            VideoStore.SortKey cursor = store.cursor(after);
            if (cursor == null) {
                throw ApiException.invalidRequest("Invalid 'after': no video with id '" + after + "'.", "after",
                        "invalid_value");
            }
            while (from < all.size() && !isAfter(all.get(from), cursor, ascending)) {
                from++;
            }
        }
        List<VideoJob> page = all.subList(from, Math.min(all.size(), from + limit));
        long now = now();
        List<Map<String, Object>> data = new ArrayList<>();
        page.forEach(job -> data.add(job.toJson(state(job, now))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "list");
        body.put("data", data);
        body.put("first_id", page.isEmpty() ? null : page.get(0).id());
        body.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1).id());
        body.put("has_more", from + page.size() < all.size());
        return ApiResponse.json(200, body);
    }

    private static boolean isAfter(VideoJob job, VideoStore.SortKey cursor, boolean ascending) {
        int cmp = VideoStore.ASCENDING.compare(new VideoStore.SortKey(job.createdAtMillis(), job.sequence()), cursor);
        return ascending ? cmp > 0 : cmp < 0;
    }

    private VideoJob requireCompleted(String id, String verb) {
        VideoJob source = store.require(id);
        VideoJob.State state = state(source, now());
        if (!state.isCompleted()) {
            throw ApiException.invalidRequest("Video '" + id + "' is " + state.status() + "; only completed videos can be "
                    + verb + ".", null, null);
        }
        return source;
    }

    private VideoJob.State state(VideoJob job, long nowMillis) {
        return job.stateAt(nowMillis, settings.jobDuration().toMillis(), settings.retention().toMillis());
    }

    private long now() {
        return settings.clock().millis();
    }
}
