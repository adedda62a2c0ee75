package io.github.camelvideo.kling.nativeapi;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.support.PropertiesResource;
import io.github.camelvideo.kling.provider.KlingRequest;
import io.github.camelvideo.kling.provider.MultiShot;

/**
 * Which Kling API path and {@code model_name} serve a model and an operation, and what a multi-shot task of a model
 * holds: data, in {@code kling-native-models.properties}, so a new model needs no code.
 */
public final class KlingModels {

    private static final String MULTI_SHOT = "multiShot|";

    /**
     * Where a request goes.
     *
     * @param path      the path below {@code /v1/videos/}: {@code text2video}, {@code image2video} or
     *                  {@code omni-video}
     * @param modelName the {@code model_name} sent
     */
    public record Target(String path, String modelName) {

        /** The form {@link io.github.camelvideo.kling.provider.KlingProvider#targetOf} gives: {@code path:model}. */
        @Override
        public String toString() {
            return path + ":" + modelName;
        }

        /** Reads {@link #toString()}'s form; a bare path keeps {@code model} as the model name. */
        static Target parse(String target, String model) {
            int colon = target.indexOf(':');
            return colon < 0 ? new Target(target, model) : new Target(target.substring(0, colon),
                    target.substring(colon + 1));
        }
    }

    private final Map<String, Target> targets = new TreeMap<>();
    private final Map<String, MultiShot.Limits> multiShot = new TreeMap<>();

    private KlingModels() {
    }

    /** The built-in mapping. */
    public static KlingModels builtIn() {
        Properties p = PropertiesResource.load(KlingModels.class, "kling-native-models.properties");
        KlingModels models = new KlingModels();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            if (key.startsWith(MULTI_SHOT)) {
                String[] n = value.split(",");
                models.multiShot.put(key.substring(MULTI_SHOT.length()), new MultiShot.Limits(
                        Integer.parseInt(n[0].trim()), Integer.parseInt(n[1].trim()), Integer.parseInt(n[2].trim()),
                        Integer.parseInt(n[3].trim())));
            } else {
                models.targets.put(key, Target.parse(value, null));
            }
        }
        return models;
    }

    /**
     * The target of a request: its explicit path with the model as the model name, else the one mapped for its model
     * and kind.
     *
     * @throws VideoRequestInvalidException when the model has no path for that kind, naming the models that do
     */
    public Target targetOf(KlingRequest request) {
        if (request.endpointId() != null) {
            return Target.parse(request.endpointId(), request.model());
        }
        String operation = request.kind().operation();
        Target target = targets.get(request.model() + "|" + operation);
        if (target != null) {
            return target;
        }
        TreeSet<String> known = new TreeSet<>();
        targets.keySet().stream().filter(k -> k.endsWith("|" + operation))
                .forEach(k -> known.add(k.substring(0, k.lastIndexOf('|'))));
        throw new VideoRequestInvalidException("Invalid model '" + request.model() + "': Kling's API has no model"
                                               + " known for " + operation + ". Allowed: " + String.join(", ", known)
                                               + "; or set the endpointId option to a Kling API path (text2video,"
                                               + " image2video, omni-video) and the model to its model_name",
                "model");
    }

    /** What one multi-shot task of the model holds, or empty when the model makes none. */
    public Optional<MultiShot.Limits> multiShot(String model) {
        return Optional.ofNullable(multiShot.get(model));
    }
}
