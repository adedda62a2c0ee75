package io.github.camelvideo.veo.google;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.support.Maps;
import io.github.camelvideo.veo.request.VeoRequest;

/**
 * The JSON body of {@code predictLongRunning}: {@code {"instances":[{...}],"parameters":{...}}}. Media goes as
 * {@code {"bytesBase64Encoded","mimeType"}}, the shape Google's SDK sends to both providers.
 */
public final class PredictBody {

    private static final String MP4 = "video/mp4";

    private PredictBody() {
    }

    /**
     * @param vertex whether the body is for Vertex AI, which takes a video to extend as {@code gcsUri} or bytes and
     *               accepts seed, generateAudio and storageUri
     */
    public static Map<String, Object> of(VeoRequest r, boolean vertex) {
        return Map.of("instances", List.of(instance(r, vertex)), "parameters", parameters(r, vertex));
    }

    private static Map<String, Object> instance(VeoRequest r, boolean vertex) {
        Map<String, Object> instance = new LinkedHashMap<>();
        Maps.putIfSet(instance, "prompt", r.prompt());
        Maps.putIfSet(instance, "image", media(r.image()));
        Maps.putIfSet(instance, "lastFrame", media(r.lastFrame()));
        if (!r.referenceImages().isEmpty()) {
            List<Map<String, Object>> references = new ArrayList<>();
            r.referenceImages().forEach(i -> references.add(Map.of("image", media(i), "referenceType", "asset")));
            instance.put("referenceImages", references);
        }
        if (r.video() != null) {
            instance.put("video", video(r.video(), vertex));
        }
        return instance;
    }

    private static Map<String, Object> video(VeoRequest.VideoInput video, boolean vertex) {
        if (video.bytes() != null) {
            return Map.of("bytesBase64Encoded", Base64.getEncoder().encodeToString(video.bytes()), "mimeType", MP4);
        }
        // the Gemini API takes the file URI of an earlier result; Vertex AI a Cloud Storage object
        return vertex ? Map.of("gcsUri", video.uri(), "mimeType", MP4) : Map.of("uri", video.uri());
    }

    private static Map<String, Object> parameters(VeoRequest r, boolean vertex) {
        Map<String, Object> p = new LinkedHashMap<>();
        Maps.putIfSet(p, "aspectRatio", r.aspectRatio());
        Maps.putIfSet(p, "resolution", r.requestedResolution());
        Maps.putIfSet(p, "durationSeconds", r.durationSeconds());
        Maps.putIfSet(p, "negativePrompt", r.negativePrompt());
        Maps.putIfSet(p, "personGeneration", r.personGeneration());
        if (vertex) {
            Maps.putIfSet(p, "seed", r.seed());
            Maps.putIfSet(p, "generateAudio", r.generateAudio());
            Maps.putIfSet(p, "storageUri", r.storageUri());
        }
        return p;
    }

    private static Map<String, Object> media(ImageInput image) {
        return image == null ? null
                : Map.of("bytesBase64Encoded", Base64.getEncoder().encodeToString(image.bytes()), "mimeType",
                        image.type().contentType());
    }
}
