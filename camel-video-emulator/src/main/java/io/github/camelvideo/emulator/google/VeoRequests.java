package io.github.camelvideo.emulator.google;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.JobTimeline;
import io.github.camelvideo.emulator.core.MediaTypes;
import io.github.camelvideo.emulator.media.Footage;

/**
 * Validation of the Veo {@code predictLongRunning} body {@code {"instances":[{...}],"parameters":{...}}}
 * for both surfaces, following Google's documentation and the python-genai SDK. Every refusal is
 * a 400 INVALID_ARGUMENT whose message names the field, the value and what is allowed.
 */
final class VeoRequests {

    static final int MAX_REFERENCE_IMAGES = 3;
    /** The longest video the emulator renders, and so the longest extension result it accepts. */
    static final int MAX_RENDERED_SECONDS = 120;
    static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16");
    static final List<String> RESOLUTIONS = List.of("720p", "1080p", "4k");
    static final List<String> PERSON_GENERATION = List.of("allow_all", "allow_adult", "dont_allow");
    static final List<String> IMAGE_TYPES = List.of("image/png", "image/jpeg", "image/webp");
    static final int DEFAULT_SECONDS = 8;

    private static final Set<String> TOP_FIELDS = Set.of("instances", "parameters");
    private static final Set<String> INSTANCE_FIELDS = Set.of("prompt", "image", "lastFrame", "referenceImages", "video");
    private static final Set<String> PARAMETERS = Set.of("aspectRatio", "resolution", "durationSeconds",
            "negativePrompt", "personGeneration", "sampleCount", "numberOfVideos", "enhancePrompt");
    /** Parameters Vertex AI accepts and the Gemini API refuses. */
    static final Set<String> VERTEX_ONLY_PARAMETERS = Set.of("seed", "generateAudio", "storageUri", "fps",
            "compressionQuality", "pubsubTopic", "resizeMode");
    private static final Map<String, int[]> SIZES = Map.of(
            "720p", new int[] {1280, 720},
            "1080p", new int[] {1920, 1080},
            "4k", new int[] {3840, 2160});

    private final Dialect dialect;
    private final String model;
    private final VeoOperations operations;
    private final CloudStorage storage;

    private VeoRequests(Dialect dialect, String model, VeoOperations operations, CloudStorage storage) {
        this.dialect = dialect;
        this.model = model;
        this.operations = operations;
        this.storage = storage;
    }

    /**
     * Validates a request body.
     *
     * @param dialect which surface received it
     * @param model the model id from the URL (already known to be served)
     * @param body the JSON body
     * @param operations to resolve Gemini extension sources
     * @param storage to resolve {@code gcsUri} inputs on Vertex
     * @throws GoogleError 400 INVALID_ARGUMENT naming the offending field
     */
    static VeoRequest parse(Dialect dialect, String model, byte[] body, VeoOperations operations,
            CloudStorage storage) {
        return new VeoRequests(dialect, model, operations, storage).parse(body);
    }

    private VeoRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = ApiResponse.JSON.readTree(body);
        } catch (IOException e) {
            throw invalid("Invalid JSON payload received. " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw invalid("Invalid JSON payload received. Expected an object with \"instances\" and \"parameters\".");
        }
        rejectUnknown(root, "", TOP_FIELDS);
        JsonNode instances = field(root, "instances");
        if (instances == null) {
            throw invalid("instances is required: one instance with the prompt and inputs.");
        }
        if (!instances.isArray()) {
            throw typeError("instances", "TYPE_LIST", instances);
        }
        if (instances.size() != 1) {
            throw invalid("instances must hold exactly one instance, got " + instances.size() + ".");
        }
        JsonNode instance = instances.get(0);
        if (!instance.isObject()) {
            throw typeError("instances[0]", "TYPE_MESSAGE", instance);
        }
        JsonNode parameters = field(root, "parameters");
        if (parameters != null && !parameters.isObject()) {
            throw typeError("parameters", "TYPE_MESSAGE", parameters);
        }
        return build(instance, parameters);
    }

    private VeoRequest build(JsonNode instance, JsonNode parameters) {
        rejectUnknown(instance, "instances[0]", INSTANCE_FIELDS);
        JsonNode videoNode = field(instance, "video");
        if (videoNode != null && !operations.extensionsEnabled()) {
            throw invalid("Video extension is not supported by this model. Remove instances[0].video.");
        }
        String prompt = optionalString(instance, "prompt", "instances[0].prompt");
        boolean hasImage = field(instance, "image") != null;
        if (hasImage) {
            image(field(instance, "image"), "instances[0].image");
        }
        if ((prompt == null || prompt.isBlank()) && !hasImage) {
            throw invalid("instances[0].prompt is required: a non-empty text prompt, unless instances[0].image is"
                    + " given.");
        }
        JsonNode lastFrame = field(instance, "lastFrame");
        if (lastFrame != null) {
            if (!hasImage) {
                throw invalid("instances[0].lastFrame requires instances[0].image: the last frame closes a video"
                        + " that starts from the image.");
            }
            image(lastFrame, "instances[0].lastFrame");
        }
        int references = referenceImages(field(instance, "referenceImages"));
        SourceVideo source = null;
        if (videoNode != null) {
            if (hasImage || references > 0) {
                throw invalid("instances[0].video (video extension) cannot be combined with instances[0].image or"
                        + " instances[0].referenceImages.");
            }
            source = video(videoNode, "instances[0].video");
        }

        if (parameters != null) {
            rejectUnknownParameters(parameters);
        }
        String aspectRatio = oneOf(parameters, "aspectRatio", ASPECT_RATIOS, "16:9");
        String resolution = oneOf(parameters, "resolution", RESOLUTIONS, "720p");
        if (isVeo2() && !resolution.equals("720p")) {
            throw invalid("Invalid value for parameters.resolution: \"" + resolution + "\" is not supported by " + model
                    + ". Supported values: \"720p\".");
        }
        int seconds = durationSeconds(parameters);
        String mustBe8 = resolution.equals("720p") ? null : "parameters.resolution \"" + resolution + "\"";
        if (mustBe8 == null && references > 0) {
            mustBe8 = "instances[0].referenceImages";
        }
        if (mustBe8 == null && source != null) {
            mustBe8 = "instances[0].video (video extension)";
        }
        if (mustBe8 != null && seconds != 8) {
            throw invalid("parameters.durationSeconds must be 8 with " + mustBe8 + ", got " + seconds + ".");
        }
        if (source != null && !resolution.equals("720p")) {
            throw invalid("Invalid value for parameters.resolution: \"" + resolution + "\". Video extension"
                    + " supports \"720p\" only.");
        }
        optionalString(parameters, "negativePrompt", "parameters.negativePrompt");
        oneOf(parameters, "personGeneration", PERSON_GENERATION, null);
        optionalBoolean(parameters, "enhancePrompt");
        int samples = sampleCount(parameters);
        String storageUri = dialect == Dialect.VERTEX ? vertexParameters(parameters) : null;

        Rendition rendition;
        if (source != null) {
            rendition = Rendition.extension(footage(source));
        } else {
            int[] size = SIZES.get(resolution);
            rendition = aspectRatio.equals("16:9") ? Rendition.fresh(size[0], size[1], seconds)
                    : Rendition.fresh(size[1], size[0], seconds);
        }
        return new VeoRequest(prompt, rendition, samples, storageUri);
    }

    private boolean isVeo2() {
        return model.startsWith("veo-2");
    }

    // Inputs

    /** Validates an image object and returns its bytes. */
    private byte[] image(JsonNode node, String path) {
        if (!node.isObject()) {
            throw typeError(path, "TYPE_MESSAGE", node);
        }
        Set<String> allowed = dialect == Dialect.GEMINI ? Set.of("bytesBase64Encoded", "mimeType", "inlineData", "gcsUri")
                : Set.of("bytesBase64Encoded", "mimeType", "gcsUri");
        rejectUnknown(node, path, allowed);
        List<String> sources = present(node, dialect == Dialect.GEMINI ? List.of("bytesBase64Encoded", "inlineData",
                "gcsUri") : List.of("bytesBase64Encoded", "gcsUri"));
        String choices = dialect == Dialect.GEMINI ? "bytesBase64Encoded (with mimeType) or inlineData"
                : "bytesBase64Encoded or gcsUri (with mimeType)";
        if (sources.isEmpty()) {
            throw invalid(path + " has no image: give " + choices + ".");
        }
        if (sources.size() > 1) {
            throw invalid(path + " has " + String.join(" and ", sources) + ": give exactly one of " + choices + ".");
        }
        String source = sources.get(0);
        byte[] bytes;
        String mimeType = optionalString(node, "mimeType", path + ".mimeType");
        switch (source) {
            case "inlineData" -> {
                JsonNode inline = field(node, "inlineData");
                if (!inline.isObject()) {
                    throw typeError(path + ".inlineData", "TYPE_MESSAGE", inline);
                }
                rejectUnknown(inline, path + ".inlineData", Set.of("mimeType", "data"));
                if (mimeType != null) {
                    throw invalid(path + " has mimeType next to inlineData: put it in " + path + ".inlineData.mimeType.");
                }
                mimeType = optionalString(inline, "mimeType", path + ".inlineData.mimeType");
                bytes = base64(requiredString(inline, "data", path + ".inlineData.data"), path + ".inlineData.data");
            }
            case "gcsUri" -> {
                if (dialect == Dialect.GEMINI) {
                    throw invalid(path + ".gcsUri is not supported by the Gemini API: send the image inline as"
                            + " bytesBase64Encoded or inlineData.");
                }
                bytes = storageObject(requiredString(node, "gcsUri", path + ".gcsUri"), path + ".gcsUri");
            }
            default -> bytes = base64(requiredString(node, "bytesBase64Encoded", path + ".bytesBase64Encoded"),
                    path + ".bytesBase64Encoded");
        }
        if (mimeType != null && !IMAGE_TYPES.contains(mimeType)) {
            throw invalid("Invalid value for " + path + ".mimeType: \"" + mimeType + "\". Supported values: "
                    + quoted(IMAGE_TYPES) + ".");
        }
        if (MediaTypes.imageType(bytes) == null) {
            throw invalid(path + " is not a PNG, JPEG or WebP image (judged by its bytes).");
        }
        return bytes;
    }

    private int referenceImages(JsonNode node) {
        if (node == null) {
            return 0;
        }
        String path = "instances[0].referenceImages";
        if (!node.isArray()) {
            throw typeError(path, "TYPE_LIST", node);
        }
        if (node.size() > MAX_REFERENCE_IMAGES) {
            throw invalid(path + " has " + node.size() + " images; at most " + MAX_REFERENCE_IMAGES + " are allowed.");
        }
        List<String> types = dialect == Dialect.GEMINI ? List.of("asset") : List.of("asset", "style");
        for (int i = 0; i < node.size(); i++) {
            String item = path + "[" + i + "]";
            JsonNode reference = node.get(i);
            if (!reference.isObject()) {
                throw typeError(item, "TYPE_MESSAGE", reference);
            }
            rejectUnknown(reference, item, Set.of("image", "referenceType"));
            JsonNode image = field(reference, "image");
            if (image == null) {
                throw invalid(item + ".image is required.");
            }
            image(image, item + ".image");
            String type = requiredString(reference, "referenceType", item + ".referenceType");
            if (!types.contains(type)) {
                throw invalid("Invalid value for " + item + ".referenceType: \"" + type + "\". Supported values"
                        + (dialect == Dialect.GEMINI ? " on the Gemini API" : "") + ": " + quoted(types) + ".");
            }
        }
        return node.size();
    }

    /** Validates the source of a video extension and returns it. */
    private SourceVideo video(JsonNode node, String path) {
        if (!node.isObject()) {
            throw typeError(path, "TYPE_MESSAGE", node);
        }
        SourceVideo video;
        if (dialect == Dialect.GEMINI) {
            rejectUnknown(node, path, Set.of("uri", "encodedVideo", "encoding", "gcsUri"));
            if (field(node, "gcsUri") != null) {
                throw invalid(path + ".gcsUri is not supported by the Gemini API: pass the uri of a video an earlier"
                        + " generation returned.");
            }
            video = geminiVideo(node, path);
        } else {
            rejectUnknown(node, path, Set.of("gcsUri", "bytesBase64Encoded", "mimeType"));
            video = vertexVideo(node, path);
        }
        Mp4Info source = video.info();
        if (!((source.width() == 1280 && source.height() == 720) || (source.width() == 720 && source.height() == 1280))) {
            throw invalid(path + " is " + source.width() + "x" + source.height() + "; video extension needs a 720p"
                    + " source (1280x720 or 720x1280).");
        }
        if (source.seconds() < 1) {
            throw invalid(path + " is shorter than one second.");
        }
        int total = source.seconds() + Rendition.EXTENSION_SECONDS;
        if (total > MAX_RENDERED_SECONDS) {
            throw invalid(path + " lasts " + source.seconds() + " s; the extended video would last " + total
                    + " s, more than the " + MAX_RENDERED_SECONDS + " s this emulator renders.");
        }
        return video;
    }

    /** The footage of a validated source, its bytes (if sent) now kept for rendering. */
    private Footage footage(SourceVideo source) {
        try {
            return operations.footage(source);
        } catch (IOException e) {
            throw GoogleError.internal();
        }
    }

    private SourceVideo geminiVideo(JsonNode node, String path) {
        List<String> sources = present(node, List.of("uri", "encodedVideo"));
        if (sources.size() != 1) {
            throw invalid(path + " needs exactly one of uri (a video an earlier generation returned) or encodedVideo"
                    + " (base64 MP4 with encoding).");
        }
        if (sources.get(0).equals("encodedVideo")) {
            videoType(optionalString(node, "encoding", path + ".encoding"), path + ".encoding");
            return mp4(base64(requiredString(node, "encodedVideo", path + ".encodedVideo"), path + ".encodedVideo"),
                    path + ".encodedVideo");
        }
        String uri = requiredString(node, "uri", path + ".uri");
        String fileId = VeoOperations.fileIdOf(uri);
        VeoOperation op = fileId == null ? null : operations.byFileId(fileId);
        if (op == null) {
            throw invalid(path + ".uri \"" + uri + "\" is not a video generated by this service: pass the uri of a"
                    + " video an earlier generation returned.");
        }
        JobTimeline.Point point = operations.progress(op);
        if (point.phase() != JobTimeline.Phase.SUCCEEDED) {
            throw invalid(path + ".uri \"" + uri + "\" names a video whose generation has not succeeded.");
        }
        if (operations.expired(op, point)) {
            throw invalid(path + ".uri \"" + uri + "\" names a video that has expired.");
        }
        return SourceVideo.generated(op.rendition().footage());
    }

    private SourceVideo vertexVideo(JsonNode node, String path) {
        List<String> sources = present(node, List.of("gcsUri", "bytesBase64Encoded"));
        if (sources.size() != 1) {
            throw invalid(path + " needs exactly one of gcsUri or bytesBase64Encoded (with mimeType \"video/mp4\").");
        }
        videoType(optionalString(node, "mimeType", path + ".mimeType"), path + ".mimeType");
        String source = sources.get(0);
        byte[] bytes = source.equals("gcsUri")
                ? storageObject(requiredString(node, "gcsUri", path + ".gcsUri"), path + ".gcsUri")
                : base64(requiredString(node, "bytesBase64Encoded", path + ".bytesBase64Encoded"),
                        path + ".bytesBase64Encoded");
        return mp4(bytes, path + "." + source);
    }

    private static void videoType(String type, String path) {
        if (type != null && !type.equals("video/mp4")) {
            throw invalid("Invalid value for " + path + ": \"" + type + "\". Supported values: \"video/mp4\".");
        }
    }

    private static SourceVideo mp4(byte[] bytes, String path) {
        Mp4Info info = Mp4Info.read(bytes);
        if (info == null) {
            throw invalid(path + " is not an MP4 video with a video track.");
        }
        return SourceVideo.uploaded(bytes, info);
    }

    private byte[] storageObject(String uri, String path) {
        CloudStorage.GcsUri gcs = CloudStorage.GcsUri.parse(uri);
        if (gcs == null || gcs.name().isEmpty()) {
            throw invalid("Invalid value for " + path + ": \"" + uri + "\". Expected gs://BUCKET/OBJECT.");
        }
        CloudStorage.StoredObject object = storage.get(gcs.bucket(), gcs.name());
        if (object == null) {
            throw invalid(path + " \"" + uri + "\" does not exist.");
        }
        return object.bytes();
    }

    /** Decodes standard or URL-safe base64, padded or not (the SDKs send either). */
    private static byte[] base64(String text, String path) {
        String normalized = text.trim().replace('-', '+').replace('_', '/');
        try {
            byte[] bytes = Base64.getDecoder().decode(stripPadding(normalized));
            if (bytes.length == 0) {
                throw invalid(path + " is empty.");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw invalid(path + " is not valid base64.");
        }
    }

    private static String stripPadding(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        return text.substring(0, end);
    }

    // Parameters

    private void rejectUnknownParameters(JsonNode parameters) {
        for (Iterator<String> it = parameters.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (PARAMETERS.contains(name)) {
                continue;
            }
            if (VERTEX_ONLY_PARAMETERS.contains(name)) {
                if (dialect == Dialect.GEMINI) {
                    throw invalid("parameters." + name + " is not supported by the Gemini API; it is a Vertex AI"
                            + " parameter.");
                }
                continue;
            }
            throw unknownName(name, "parameters");
        }
    }

    private int durationSeconds(JsonNode parameters) {
        JsonNode node = field(parameters, "durationSeconds");
        if (node == null) {
            return DEFAULT_SECONDS;
        }
        BigDecimal value = null;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual()) {
            try {
                value = new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                value = null;
            }
        }
        Integer whole;
        try {
            whole = value == null ? null : value.intValueExact();
        } catch (ArithmeticException e) {
            whole = null;
        }
        if (whole == null) {
            throw typeError("parameters.durationSeconds", "TYPE_INT32", node);
        }
        int seconds = whole;
        List<Integer> allowed = isVeo2() ? List.of(5, 6, 8) : List.of(4, 6, 8);
        if (!allowed.contains(seconds)) {
            throw invalid("Invalid value for parameters.durationSeconds: " + seconds + " is not supported by " + model
                    + ". Supported values: " + allowed.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + ".");
        }
        return seconds;
    }

    private int sampleCount(JsonNode parameters) {
        Integer sampleCount = optionalInt(parameters, "sampleCount");
        Integer numberOfVideos = optionalInt(parameters, "numberOfVideos");
        if (sampleCount != null && numberOfVideos != null && !sampleCount.equals(numberOfVideos)) {
            throw invalid("parameters.sampleCount (" + sampleCount + ") and parameters.numberOfVideos ("
                    + numberOfVideos + ") disagree; give one of them.");
        }
        String name = sampleCount != null ? "sampleCount" : "numberOfVideos";
        int count = sampleCount != null ? sampleCount : numberOfVideos != null ? numberOfVideos : 1;
        int max = isVeo2() ? 4 : 1;
        if (count < 1 || count > max) {
            throw invalid("Invalid value for parameters." + name + ": " + count + ". " + model + " supports "
                    + (max == 1 ? "1 only" : "1 to " + max) + ".");
        }
        return count;
    }

    /** Validates the Vertex-only parameters; returns the storageUri or null. */
    private static String vertexParameters(JsonNode parameters) {
        JsonNode seed = field(parameters, "seed");
        if (seed != null && (!seed.isIntegralNumber() || seed.bigIntegerValue().signum() < 0
                || seed.bigIntegerValue().bitLength() > 32)) {
            throw invalid("Invalid value for parameters.seed: " + seed + ". Expected an integer from 0 to 4294967295.");
        }
        optionalBoolean(parameters, "generateAudio");
        Integer fps = optionalInt(parameters, "fps");
        if (fps != null && fps < 1) {
            throw invalid("Invalid value for parameters.fps: " + fps + ". Expected a positive integer.");
        }
        upperCaseOneOf(parameters, "compressionQuality", List.of("OPTIMIZED", "LOSSLESS"));
        upperCaseOneOf(parameters, "resizeMode", List.of("CROP", "PAD"));
        String topic = optionalString(parameters, "pubsubTopic", "parameters.pubsubTopic");
        if (topic != null && topic.isBlank()) {
            throw invalid("parameters.pubsubTopic must not be empty.");
        }
        String storageUri = optionalString(parameters, "storageUri", "parameters.storageUri");
        if (storageUri != null && CloudStorage.GcsUri.parse(storageUri) == null) {
            throw invalid("Invalid value for parameters.storageUri: \"" + storageUri + "\". Expected a Cloud Storage"
                    + " URI starting with gs://, e.g. gs://bucket/folder/.");
        }
        return storageUri;
    }

    // JSON helpers

    /** The field's value, or null when it is absent or JSON null (the SDKs drop unset fields either way). */
    private static JsonNode field(JsonNode object, String name) {
        if (object == null) {
            return null;
        }
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static List<String> present(JsonNode object, List<String> names) {
        return names.stream().filter(n -> field(object, n) != null).toList();
    }

    private static void rejectUnknown(JsonNode object, String path, Set<String> allowed) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw unknownName(name, path);
            }
        }
    }

    private static String optionalString(JsonNode object, String name, String path) {
        JsonNode value = field(object, name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw typeError(path, "TYPE_STRING", value);
        }
        return value.textValue();
    }

    private static String requiredString(JsonNode object, String name, String path) {
        String value = optionalString(object, name, path);
        if (value == null || value.isEmpty()) {
            throw invalid(path + " is required.");
        }
        return value;
    }

    private static void optionalBoolean(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (value != null && !value.isBoolean()) {
            throw typeError("parameters." + name, "TYPE_BOOL", value);
        }
    }

    private static Integer optionalInt(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw typeError("parameters." + name, "TYPE_INT32", value);
        }
        return value.intValue();
    }

    private static String oneOf(JsonNode parameters, String name, List<String> allowed, String fallback) {
        String value = optionalString(parameters, name, "parameters." + name);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw invalid("Invalid value for parameters." + name + ": \"" + value + "\". Supported values: "
                    + quoted(allowed) + ".");
        }
        return value;
    }

    private static void upperCaseOneOf(JsonNode parameters, String name, List<String> allowed) {
        String value = optionalString(parameters, name, "parameters." + name);
        if (value != null && !allowed.contains(value.toUpperCase(Locale.ROOT))) {
            throw invalid("Invalid value for parameters." + name + ": \"" + value + "\". Supported values: "
                    + quoted(allowed) + ".");
        }
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static GoogleError invalid(String message) {
        return GoogleError.invalidArgument(message);
    }

    /** Google's wording for a value of the wrong JSON type. */
    private static GoogleError typeError(String path, String protoType, JsonNode value) {
        return invalid("Invalid value at '" + path + "' (" + protoType + "), " + value);
    }

    /** Google's wording for a field the schema does not have. */
    private static GoogleError unknownName(String name, String path) {
        return invalid("Invalid JSON payload received. Unknown name \"" + name + "\""
                + (path.isEmpty() ? "" : " at '" + path + "'") + ": Cannot find field.");
    }
}
