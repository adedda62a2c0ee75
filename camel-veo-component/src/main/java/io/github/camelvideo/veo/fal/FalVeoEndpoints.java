package io.github.camelvideo.veo.fal;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.support.PropertiesResource;
import io.github.camelvideo.veo.request.VeoRequest;

/**
 * Which fal endpoint serves a Veo model and kind of request: data, in {@code veo-fal-endpoints.properties}, so a new
 * endpoint needs no code.
 */
public final class FalVeoEndpoints {

    /** The app every fal Veo 3.1 endpoint belongs to: status and results of a request live below it. */
    public static final String APP = "fal-ai/veo3.1";

    private final Map<String, String> endpoints = new TreeMap<>();

    private FalVeoEndpoints() {
    }

    /** The built-in mapping. */
    public static FalVeoEndpoints builtIn() {
        Properties p = PropertiesResource.load(FalVeoEndpoints.class, "veo-fal-endpoints.properties");
        FalVeoEndpoints mapping = new FalVeoEndpoints();
        p.stringPropertyNames().forEach(key -> mapping.endpoints.put(key, p.getProperty(key).trim()));
        return mapping;
    }

    /** The kind of fal endpoint a request needs. */
    public static String kindOf(VeoRequest r) {
        if (r.isExtension()) {
            return "extend";
        }
        if (r.image() != null) {
            return r.lastFrame() != null ? "firstLastFrame" : "imageToVideo";
        }
        return r.referenceImages().isEmpty() ? "textToVideo" : "referenceToVideo";
    }

    /**
     * The endpoint of a request.
     *
     * @throws VideoRequestInvalidException when the model has no endpoint for that kind, naming the models that do
     */
    public String endpointOf(VeoRequest request) {
        String kind = kindOf(request);
        String endpoint = endpoints.get(request.model() + "|" + kind);
        if (endpoint != null) {
            return endpoint;
        }
        TreeSet<String> known = new TreeSet<>();
        endpoints.keySet().stream().filter(k -> k.endsWith("|" + kind))
                .forEach(k -> known.add(k.substring(0, k.indexOf('|'))));
        throw new VideoRequestInvalidException("Invalid model '" + request.model() + "': no fal Veo endpoint known"
                                               + " for " + kind + ". Allowed: " + String.join(", ", known), "model");
    }
}
