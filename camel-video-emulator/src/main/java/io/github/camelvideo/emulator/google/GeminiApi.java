package io.github.camelvideo.emulator.google;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelvideo.emulator.core.ApiRequest;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.RequestDigest;
import io.github.camelvideo.emulator.core.Blob;
import io.github.camelvideo.emulator.core.JobFate;
import io.github.camelvideo.emulator.core.JobTimeline;
import io.github.camelvideo.emulator.core.MediaDownload;
import io.github.camelvideo.emulator.media.MediaLibrary;

/**
 * Veo on the Gemini API ({@code /v1beta}, API key): {@code models/{model}:predictLongRunning},
 * the operation poll, the file download that redirects to {@code /download/{file}?token=...},
 * and that redirect target, whose token is the credential.
 */
final class GeminiApi extends GoogleSurface {

    static final String RESPONSE_TYPE =
            "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse";

    private static final Pattern CREATE = Pattern.compile("/v1beta/models/([^/:]+):predictLongRunning");
    private static final Pattern OPERATION = Pattern.compile("/v1beta/models/([^/:]+)/operations/([^/:]+)");
    private static final Pattern MODEL = Pattern.compile("/v1beta/models/([^/:]+)");
    private static final Pattern FILE = Pattern.compile("/v1beta/files/([^/:]+):download");
    private static final Pattern DOWNLOAD = Pattern.compile("/download/([^/]+)");

    private final GoogleSettings settings;
    private final VeoOperations operations;
    private final CloudStorage storage;
    private final MediaLibrary media;
    private final MediaDownload download;
    /** Download tokens handed out in redirects, to the file each one opens. */
    private final Map<String, String> downloadTokens = new ConcurrentHashMap<>();

    GeminiApi(GoogleSettings settings, VeoOperations operations, CloudStorage storage, MediaLibrary media,
            MediaDownload download) {
        this.settings = settings;
        this.operations = operations;
        this.storage = storage;
        this.media = media;
        this.download = download;
    }

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public boolean serves(String path) {
        return path.equals("/v1beta") || path.startsWith("/v1beta/") || path.startsWith("/download/");
    }

    @Override
    void authorize(ApiRequest request) {
        Matcher redirected = DOWNLOAD.matcher(request.path());
        if (redirected.matches()) {
            String token = request.queryParam("token");
            if (token == null || !redirected.group(1).equals(downloadTokens.get(token))) {
                throw GoogleError.permissionDenied("The download link is not valid: its token is missing or does not"
                        + " open this file.");
            }
            return;
        }
        String key = request.header("x-goog-api-key");
        if (key == null || key.isEmpty()) {
            key = request.queryParam("key");
        }
        if (key == null || key.isEmpty()) {
            throw GoogleError.apiKeyMissing();
        }
        if (settings.apiKey() != null && !settings.apiKey().equals(key)) {
            throw GoogleError.apiKeyInvalid();
        }
    }

    @Override
    ApiResponse route(ApiRequest request) {
        String path = request.path();
        boolean get = request.method().equals("GET");
        Matcher m = CREATE.matcher(path);
        if (m.matches() && request.method().equals("POST")) {
            return create(m.group(1), request);
        }
        m = OPERATION.matcher(path);
        if (m.matches() && get) {
            return poll("models/" + m.group(1) + "/operations/" + m.group(2));
        }
        m = MODEL.matcher(path);
        if (m.matches() && get) {
            return model(m.group(1));
        }
        m = FILE.matcher(path);
        if (m.matches() && get) {
            return redirect(m.group(1), request);
        }
        m = DOWNLOAD.matcher(path);
        if (m.matches() && get) {
            return serveFile(m.group(1), request);
        }
        throw noSuchMethod(request);
    }

    /** {@code models.get}: the Model resource of a Veo model, free to call. */
    private ApiResponse model(String model) {
        if (!model.startsWith("veo-")) {
            throw GoogleError.notFound("models/" + model + " is not found for API version v1beta.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "models/" + model);
        body.put("version", "3.1");
        body.put("displayName", model);
        body.put("description", "Veo video generation model");
        body.put("supportedGenerationMethods", List.of("predictLongRunning"));
        return ApiResponse.json(200, body);
    }

    private ApiResponse create(String model, ApiRequest request) {
        if (!model.startsWith("veo-")) {
            throw GoogleError.notFound("models/" + model + " is not found for API version v1beta, or is not supported"
                    + " for predictLongRunning. Call ListModels to see the list of available models and their"
                    + " supported methods.");
        }
        VeoRequest veo = VeoRequests.parse(Dialect.GEMINI, model, request.body(), operations, storage);
        VeoOperation op = operations.create(Dialect.GEMINI, "models/" + model, VeoOperations.randomId(12), veo,
                RequestDigest.of(request));
        return ApiResponse.json(200, OperationJson.running(op));
    }

    private ApiResponse poll(String name) {
        VeoOperation op = operations.find(name);
        if (op == null || op.dialect() != Dialect.GEMINI) {
            throw GoogleError.notFound("Operation " + name + " not found.");
        }
        JobTimeline.Point point = operations.progress(op);
        if (!point.phase().isDone()) {
            return ApiResponse.json(200, OperationJson.running(op));
        }
        if (op.fate().kind() == JobFate.Kind.FAIL) {
            return ApiResponse.json(200, OperationJson.failed(op));
        }
        Map<String, Object> generated = new LinkedHashMap<>();
        if (op.fate().kind() == JobFate.Kind.FILTER) {
            OperationJson.filtered(op, generated);
        } else {
            List<Map<String, Object>> samples = new ArrayList<>();
            for (String fileId : op.fileIds()) {
                samples.add(Map.of("video", Map.of("uri", operations.fileUri(fileId))));
            }
            generated.put("generatedSamples", samples);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("@type", RESPONSE_TYPE);
        response.put("generateVideoResponse", generated);
        Map<String, Object> json = OperationJson.done(op);
        json.put("response", response);
        return ApiResponse.json(200, json);
    }

    /** The operation of a downloadable file: succeeded and not expired; else 404. */
    private VeoOperation downloadable(String fileId) {
        VeoOperation op = operations.byFileId(fileId);
        JobTimeline.Point point = op == null ? null : operations.progress(op);
        if (point == null || point.phase() != JobTimeline.Phase.SUCCEEDED) {
            throw GoogleError.notFound("File " + fileId + " not found.");
        }
        if (operations.expired(op, point)) {
            throw GoogleError.notFound("File " + fileId + " has expired.");
        }
        return op;
    }

    private ApiResponse redirect(String fileId, ApiRequest request) {
        if (!"media".equals(request.queryParam("alt"))) {
            throw GoogleError.invalidArgument("Downloading files/" + fileId + " needs the query parameter alt=media.");
        }
        downloadable(fileId);
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        downloadTokens.put(token, fileId);
        return new ApiResponse(302, null, null)
                .header("Location", settings.rootUrl() + "/download/" + fileId + "?token=" + token);
    }

    private ApiResponse serveFile(String fileId, ApiRequest request) {
        VeoOperation op = downloadable(fileId);
        try {
            return download.serve(request, Blob.of(op.rendition().render(media)), "video/mp4", GoogleError.STYLE);
        } catch (IOException e) {
            throw GoogleError.internal();
        }
    }
}
