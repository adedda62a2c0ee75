package io.github.camelvideo.emulator.google;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.core.ApiRequest;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.RequestDigest;
import io.github.camelvideo.emulator.core.JobFate;
import io.github.camelvideo.emulator.core.JobTimeline;
import io.github.camelvideo.emulator.media.MediaLibrary;

/**
 * Veo on Vertex AI (OAuth bearer): {@code publishers/google/models/{model}:predictLongRunning}
 * and {@code :fetchPredictOperation} under {@code /v1/projects/{project}/locations/{location}}
 * (and {@code /v1beta1}, the SDKs' default version for Vertex).
 */
final class VertexApi extends GoogleSurface {

    static final String RESPONSE_TYPE = "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse";

    private static final Pattern CALL = Pattern.compile(
            "/(v1|v1beta1)/(projects/[^/]+/locations/[^/]+/publishers/([^/]+)/models/([^/:]+)):([A-Za-z]+)");
    private static final Pattern OPERATION = Pattern.compile(
            "/(v1|v1beta1)/projects/[^/]+/locations/[^/]+/publishers/[^/]+/models/[^/:]+/operations/[^/]+");

    private static final Pattern PUBLISHER_MODEL = Pattern.compile("/(v1|v1beta1)/publishers/([^/]+)/models/([^/:]+)");

    private final VeoOperations operations;
    private final CloudStorage storage;
    private final AccessTokens tokens;
    private final MediaLibrary media;

    VertexApi(VeoOperations operations, CloudStorage storage, AccessTokens tokens, MediaLibrary media) {
        this.operations = operations;
        this.storage = storage;
        this.tokens = tokens;
        this.media = media;
    }

    @Override
    public String name() {
        return "vertex";
    }

    @Override
    public boolean serves(String path) {
        return path.startsWith("/v1/projects/") || path.startsWith("/v1beta1/projects/")
               || path.startsWith("/v1/publishers/") || path.startsWith("/v1beta1/publishers/");
    }

    @Override
    void authorize(ApiRequest request) {
        tokens.require(request);
    }

    @Override
    ApiResponse route(ApiRequest request) {
        Matcher call = CALL.matcher(request.path());
        if (call.matches() && request.method().equals("POST")) {
            String resource = call.group(2);
            String model = call.group(4);
            if (!call.group(3).equals("google") || !model.startsWith("veo-") || model.endsWith("-preview")) {
                throw GoogleError.notFound("Publisher Model `" + resource + "` not found.");
            }
            switch (call.group(5)) {
                case "predictLongRunning":
                    return create(resource, model, request);
                case "fetchPredictOperation":
                    return fetch(resource, request);
                default:
                    break;
            }
        }
        Matcher publisherModel = PUBLISHER_MODEL.matcher(request.path());
        if (publisherModel.matches() && request.method().equals("GET")) {
            return publisherModel(publisherModel.group(2), publisherModel.group(3));
        }
        if (OPERATION.matcher(request.path()).matches()) {
            throw GoogleError.notFound("Operations of publisher models are read with POST"
                    + " .../models/{model}:fetchPredictOperation and {\"operationName\": ...}, not with "
                    + request.method() + " on the operation.");
        }
        throw noSuchMethod(request);
    }

    /** {@code publishers.models.get}: the PublisherModel of a GA Veo model, free to call. */
    private ApiResponse publisherModel(String publisher, String model) {
        String name = "publishers/" + publisher + "/models/" + model;
        if (!publisher.equals("google") || !model.startsWith("veo-") || model.endsWith("-preview")) {
            throw GoogleError.notFound("Publisher Model `" + name + "` not found.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("versionId", "001");
        body.put("openSourceCategory", "PROPRIETARY");
        body.put("launchStage", "GA");
        return ApiResponse.json(200, body);
    }

    private ApiResponse create(String resource, String model, ApiRequest request) {
        VeoRequest veo = VeoRequests.parse(Dialect.VERTEX, model, request.body(), operations, storage);
        VeoOperation op = operations.create(Dialect.VERTEX, resource, UUID.randomUUID().toString(), veo,
                RequestDigest.of(request));
        return ApiResponse.json(200, OperationJson.running(op));
    }

    private ApiResponse fetch(String resource, ApiRequest request) {
        String name = operationName(request);
        VeoOperation op = operations.find(name);
        if (op == null || op.dialect() != Dialect.VERTEX) {
            throw GoogleError.notFound("Operation " + name + " not found.");
        }
        if (!op.modelResource().equals(resource)) {
            throw GoogleError.invalidArgument("operationName " + name + " is an operation of " + op.modelResource()
                    + ", not of " + resource + ".");
        }
        JobTimeline.Point point = operations.progress(op);
        if (!point.phase().isDone()) {
            return ApiResponse.json(200, OperationJson.running(op));
        }
        if (op.fate().kind() == JobFate.Kind.FAIL) {
            return ApiResponse.json(200, OperationJson.failed(op));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("@type", RESPONSE_TYPE);
        Map<String, Object> json = OperationJson.done(op);
        json.put("response", response);
        if (op.fate().kind() == JobFate.Kind.FILTER) {
            OperationJson.filtered(op, response);
            return ApiResponse.json(200, json);
        }
        response.put("raiMediaFilteredCount", 0);
        List<Map<String, Object>> videos = new ArrayList<>();
        response.put("videos", videos);
        try {
            if (op.storageUri() != null) {
                operations.settle();
                for (int i = 0; i < op.samples(); i++) {
                    Map<String, Object> video = new LinkedHashMap<>();
                    video.put("gcsUri", VeoOperations.outputObject(op, i).toString());
                    video.put("mimeType", "video/mp4");
                    videos.add(video);
                }
                return ApiResponse.json(200, json);
            }
            InlineVideosBody body = new InlineVideosBody(op.rendition().render(media));
            for (int i = 0; i < op.samples(); i++) {
                Map<String, Object> video = new LinkedHashMap<>();
                video.put("bytesBase64Encoded", body.placeholder());
                video.put("mimeType", "video/mp4");
                videos.add(video);
            }
            return new ApiResponse(200, "application/json", body.document(json));
        } catch (IOException e) {
            throw GoogleError.internal();
        }
    }

    private static String operationName(ApiRequest request) {
        JsonNode body;
        try {
            body = ApiResponse.JSON.readTree(request.body());
        } catch (IOException e) {
            throw GoogleError.invalidArgument("Invalid JSON payload received. Expected {\"operationName\": ...}.");
        }
        JsonNode name = body == null ? null : body.get("operationName");
        if (name == null || !name.isTextual() || name.textValue().isEmpty()) {
            throw GoogleError.invalidArgument("operationName is required: the name the predictLongRunning call"
                    + " returned.");
        }
        return name.textValue();
    }
}
