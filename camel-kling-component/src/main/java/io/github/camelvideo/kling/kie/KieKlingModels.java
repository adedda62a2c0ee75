package io.github.camelvideo.kling.kie;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.support.PropertiesResource;

/**
 * Which Kie.ai market model serves a Kling model, and which slug extends its videos: data, in
 * {@code kling-kie-models.properties}, so a new slug needs no code.
 */
public final class KieKlingModels {

    private static final String EXTENSION = "extension|";

    private final Map<String, String> slugs = new TreeMap<>();
    private final Map<String, String> extensions = new TreeMap<>();

    private KieKlingModels() {
    }

    /** The built-in mapping. */
    public static KieKlingModels builtIn() {
        Properties p = PropertiesResource.load(KieKlingModels.class, "kling-kie-models.properties");
        KieKlingModels mapping = new KieKlingModels();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            if (key.startsWith(EXTENSION)) {
                mapping.extensions.put(key.substring(EXTENSION.length()), value);
            } else {
                mapping.slugs.put(key, value);
            }
        }
        return mapping;
    }

    /**
     * The market slug of a model.
     *
     * @throws VideoRequestInvalidException when none is known, naming the models that have one
     */
    public String slugOf(String model) {
        String slug = slugs.get(model);
        if (slug == null) {
            throw new VideoRequestInvalidException("Invalid model '" + model + "': no Kie.ai market model known for"
                                                   + " it with provider kie. Allowed: "
                                                   + String.join(", ", slugs.keySet())
                                                   + "; or set the endpointId option to a Kie market model slug",
                    "model");
        }
        return slug;
    }

    /** The slug extending the videos of a market model, or empty when it has none. */
    public Optional<String> extensionOf(String slug) {
        return Optional.ofNullable(extensions.get(slug));
    }
}
