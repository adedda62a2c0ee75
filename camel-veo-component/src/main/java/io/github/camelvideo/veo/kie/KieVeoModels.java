package io.github.camelvideo.veo.kie;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.github.camelvideo.core.support.PropertiesResource;

/**
 * The Kie model ({@code veo3}, {@code veo3_fast}, {@code veo3_lite}) a veo: model id maps to: data, in
 * {@code veo-kie-models.properties}, so Google's ids and fal's work with provider=kie too. A name not listed is sent
 * as it is: Kie may add models, and a rule that cannot be known is not enforced.
 */
public final class KieVeoModels {

    /** Kie's Quality model, the only one without REFERENCE_2_VIDEO. */
    public static final String QUALITY = "veo3";

    private static final KieVeoModels BUILT_IN = load();

    private final Map<String, String> models = new TreeMap<>();

    private KieVeoModels() {
    }

    /** The built-in mapping. */
    public static KieVeoModels builtIn() {
        return BUILT_IN;
    }

    private static KieVeoModels load() {
        Properties p = PropertiesResource.load(KieVeoModels.class, "veo-kie-models.properties");
        KieVeoModels mapping = new KieVeoModels();
        p.stringPropertyNames().forEach(key -> mapping.models.put(key, p.getProperty(key).trim()));
        return mapping;
    }

    /** The Kie model of a model id; an unknown id is returned as it is. */
    public String kieModelOf(String model) {
        return model == null ? null : models.getOrDefault(model.trim(), model.trim());
    }
}
