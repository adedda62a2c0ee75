package io.github.camelvideo.kling.fal;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.support.PropertiesResource;
import io.github.camelvideo.kling.provider.KlingRequest;

/**
 * Which fal endpoint serves a Kling model, mode and operation, and which input fields an endpoint group takes for its
 * frames: data, in {@code kling-fal-endpoints.properties}, so a new endpoint needs no code.
 */
public final class FalKlingEndpoints {

    private static final String IMAGE_FIELDS = "imageFields|";

    private final Map<String, String> endpoints = new TreeMap<>();
    private final Map<String, String[]> imageFields = new TreeMap<>();

    private FalKlingEndpoints() {
    }

    /** The built-in mapping. */
    public static FalKlingEndpoints builtIn() {
        Properties p = PropertiesResource.load(FalKlingEndpoints.class, "kling-fal-endpoints.properties");
        FalKlingEndpoints mapping = new FalKlingEndpoints();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            if (key.startsWith(IMAGE_FIELDS)) {
                mapping.imageFields.put(key.substring(IMAGE_FIELDS.length()), (value + ",x").split(",", -1));
            } else {
                mapping.endpoints.put(key, value);
            }
        }
        return mapping;
    }

    /**
     * The endpoint of a request: its explicit endpoint id, else the one mapped for its model, mode and kind.
     *
     * @throws VideoRequestInvalidException when the model has no endpoint for that mode and kind, naming the models
     *                                      that do and the endpointId option
     */
    public String endpointOf(KlingRequest request) {
        if (request.endpointId() != null) {
            return request.endpointId();
        }
        String operation = request.kind().operation();
        String key = request.model() + "|" + request.mode() + "|" + operation;
        String endpoint = endpoints.get(key);
        if (endpoint != null) {
            return endpoint;
        }
        TreeSet<String> known = new TreeSet<>();
        endpoints.keySet().stream().filter(k -> k.endsWith("|" + operation))
                .forEach(k -> known.add(k.substring(0, k.lastIndexOf('|'))));
        throw new VideoRequestInvalidException("Invalid model '" + request.model() + "' with mode '" + request.mode()
                                               + "': no fal endpoint known for " + operation
                                               + ". Allowed (model|mode): " + String.join(", ", known)
                                               + "; or set the endpointId option to a fal endpoint id", "model");
    }

    /** The first-frame field of an endpoint, such as {@code start_image_url}. */
    public String firstFrameField(String endpointId) {
        return fields(endpointId).map(f -> f[0]).orElse("image_url");
    }

    /** The last-frame field of an endpoint, or empty when its group takes no last frame. */
    public Optional<String> lastFrameField(String endpointId) {
        return fields(endpointId).map(f -> f[1]).filter(f -> !f.isBlank());
    }

    private Optional<String[]> fields(String endpointId) {
        return imageFields.entrySet().stream().filter(e -> endpointId.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
    }
}
