package io.github.camelvideo.veo.google;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.http.SpooledJson;
import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;

/**
 * Reads a Veo long-running operation, in either provider's shape, into the engine's job status. The Gemini API nests
 * results as {@code response.generateVideoResponse.generatedSamples[].video.uri}; Vertex AI as
 * {@code response.videos[].gcsUri} or inline {@code bytesBase64Encoded}, which is decoded into a temporary file while
 * the response is read. Veo reports no progress, so none is given.
 */
public final class OperationReader {

    /** JobRef attribute: the temporary file holding a video that came inline. */
    static final String INLINE_FILE = "inlineFile";
    /** JobRef attributes kept from the request, because the operation does not report them. */
    static final String MODEL = "model";
    static final String SECONDS = "durationSeconds";

    private static final Set<String> INLINE_FIELDS = Set.of("bytesBase64Encoded", "encodedVideo");

    private final String provider;
    private final SpooledJson json;

    OperationReader(String provider, Path spoolDirectory) {
        this.provider = provider;
        this.json = new SpooledJson(INLINE_FIELDS, spoolDirectory);
    }

    /** Reads a response body (then deletes it) as the status of the job {@code ref} names. */
    JobStatus read(Path body, JobRef ref) {
        try {
            return toStatus(json.read(body), ref);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable operation from " + provider + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(body);
            } catch (IOException ignored) {
                // a temporary response file
            }
        }
    }

    /** The status of an operation JSON. */
    JobStatus toStatus(JsonNode op, JobRef known) {
        String name = op.path("name").asText(known.id());
        VeoJob job = job(op, name);
        Map<String, String> attributes = new HashMap<>(known.attributes());
        job.videos().stream().filter(VeoJob.Video::inline).findFirst()
                .ifPresent(v -> attributes.put(INLINE_FILE, inlineFile(op)));
        JobRef ref = new JobRef(provider, name, attributes);
        String model = attributes.getOrDefault(MODEL, modelOf(name));
        Integer seconds = attributes.containsKey(SECONDS) ? Integer.valueOf(attributes.get(SECONDS)) : null;
        return new JobStatus(ref, state(job), word(job), null, model, seconds, null, null, error(job), null, job);
    }

    private static VeoJob job(JsonNode op, String name) {
        JsonNode response = op.path("response");
        JsonNode results = response.has("generateVideoResponse") ? response.path("generateVideoResponse") : response;
        List<VeoJob.Video> videos = new ArrayList<>();
        for (JsonNode sample : results.path("generatedSamples")) {
            videos.add(video(sample.path("video")));
        }
        for (JsonNode video : results.path("videos")) {
            videos.add(video(video));
        }
        List<String> reasons = new ArrayList<>();
        results.path("raiMediaFilteredReasons").forEach(r -> reasons.add(r.asText()));
        JsonNode error = op.path("error");
        return new VeoJob(name, op.path("done").asBoolean(false),
                error.path("code").isNumber() ? error.path("code").asInt() : null,
                error.isObject() ? error.path("message").asText("") : null, videos,
                results.path("raiMediaFilteredCount").asInt(0), reasons);
    }

    private static VeoJob.Video video(JsonNode v) {
        String uri = v.hasNonNull("uri") ? v.path("uri").asText() : v.path("gcsUri").asText(null);
        String mime = v.hasNonNull("mimeType") ? v.path("mimeType").asText() : v.path("encoding").asText(null);
        return new VeoJob.Video(uri, mime, v.has(SpooledJson.SPOOLED_FIELD));
    }

    private static String inlineFile(JsonNode op) {
        return op.findValue(SpooledJson.SPOOLED_FIELD).asText();
    }

    private static JobState state(VeoJob job) {
        if (!job.done()) {
            return JobState.RUNNING;
        }
        return job.failed() || job.filtered() ? JobState.FAILED : JobState.SUCCEEDED;
    }

    private static String word(VeoJob job) {
        if (!job.done()) {
            return "running";
        }
        return job.failed() ? "failed" : job.filtered() ? "filtered" : "succeeded";
    }

    private static JobError error(VeoJob job) {
        if (job.failed()) {
            String code = job.errorCode() == null ? null : job.errorCode().toString();
            return new JobError(code, job.errorMessage(), category(job.errorCode()), null);
        }
        if (job.filtered()) {
            String reasons = job.raiMediaFilteredReasons().isEmpty() ? "no reason given"
                    : String.join("; ", job.raiMediaFilteredReasons());
            return new JobError("RAI_MEDIA_FILTERED", "safety filters removed the video (" + reasons + ")",
                    ErrorCategory.CONTENT_POLICY, job.raiMediaFilteredReasons());
        }
        return null;
    }

    /** google.rpc.Code numbers: 3 INVALID_ARGUMENT, 8 RESOURCE_EXHAUSTED; the rest are the provider's failures. */
    private static ErrorCategory category(Integer code) {
        if (code == null) {
            return ErrorCategory.UNKNOWN;
        }
        return switch (code) {
            case 3 -> ErrorCategory.INVALID_REQUEST;
            case 8 -> ErrorCategory.RATE_LIMIT;
            default -> ErrorCategory.PROVIDER;
        };
    }

    /** The model id inside an operation name ({@code models/{m}/operations/...} or {@code .../models/{m}/...}). */
    static String modelOf(String name) {
        int models = name.lastIndexOf("models/");
        if (models < 0) {
            return null;
        }
        String rest = name.substring(models + "models/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
