package io.github.camelvideo.kling.nativeapi;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.support.Maps;
import io.github.camelvideo.kling.provider.KlingRequest;

/**
 * The create bodies of Kling's API, in its own field names and types: {@code duration} as a string,
 * {@code sound} as {@code "on"}/{@code "off"}, frames as raw base64 (no {@code data:} prefix) or URLs, a multi-shot
 * task as {@code multi_shot}, {@code shot_type=customize} and {@code multi_prompt [{index, prompt, duration}]}, and
 * an extension as an omni-video task whose {@code video_list} names the video to continue.
 */
final class KlingBodies {

    private KlingBodies() {
    }

    /**
     * The body of one create call.
     *
     * @param callbackUrl where Kling posts the task on each status change, or {@code null}
     */
    static Map<String, Object> create(KlingRequest r, KlingModels.Target target, String callbackUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model_name", target.modelName());
        body.put("prompt", r.isMultiShot() ? "" : r.prompt()); // Kling ignores prompt in multi-shot mode
        Maps.putIfSet(body, "negative_prompt", r.negativePrompt());
        Maps.putIfSet(body, "cfg_scale", r.cfgScale());
        Maps.putIfSet(body, "mode", r.mode());
        Maps.putIfSet(body, "duration", r.duration());
        if (r.generateAudio() != null) {
            body.put("sound", r.generateAudio() ? "on" : "off");
        }
        switch (r.kind()) {
            case TEXT_TO_VIDEO -> Maps.putIfSet(body, "aspect_ratio", r.aspectRatio());
            case IMAGE_TO_VIDEO -> {
                body.put("image", frame(r.image(), r.imageUrl()));
                if (r.hasLastFrame()) {
                    body.put("image_tail", frame(r.lastFrame(), r.lastFrameUrl()));
                }
            }
            case EXTEND -> body.put("video_list", List.of(Map.of("video_url", r.videoUrl(), "refer_type", "feature",
                    "keep_original_sound", "yes")));
        }
        if (r.isMultiShot()) {
            body.put("multi_shot", true);
            body.put("shot_type", "customize");
            body.put("multi_prompt", shots(r.shots()));
        }
        Maps.putIfSet(body, "callback_url", callbackUrl);
        return body;
    }

    private static List<Map<String, Object>> shots(List<KlingRequest.Shot> shots) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < shots.size(); i++) {
            Map<String, Object> shot = new LinkedHashMap<>();
            shot.put("index", i + 1);
            shot.put("prompt", shots.get(i).prompt());
            shot.put("duration", Integer.toString(shots.get(i).seconds()));
            list.add(shot);
        }
        return list;
    }

    /** A frame as Kling takes it: a URL as given, bytes (or a data URI) as raw base64 without the prefix. */
    static String frame(ImageInput bytes, String url) {
        if (bytes != null) {
            return Base64.getEncoder().encodeToString(bytes.bytes());
        }
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            return url.substring(url.indexOf(',') + 1);
        }
        return url;
    }
}
