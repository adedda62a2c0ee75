package io.github.camelvideo.sora.kie;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.storyboard.MultiShotPlan;
import io.github.camelvideo.core.support.PropertiesResource;
import io.github.camelvideo.core.validate.ModelRules;

/**
 * Which Kie.ai market model serves a Sora model and operation, which families take a size tier, and what one
 * storyboard task holds: data, in {@code sora-kie-models.properties}, so a new slug needs no code. The allowed values
 * on Kie are in {@code sora-kie-rules.properties} ({@link #rules()}).
 */
public final class KieSoraModels {

    /** The storyboard operation, as the slugs name it. */
    public static final String STORYBOARD = "storyboard";
    private static final String SLUG = "slug|";
    /** A prompt (and a storyboard scene) on Kie's Sora input is at most this long. */
    public static final int MAX_PROMPT_LENGTH = 10_000;

    private final Map<String, String> slugs = new TreeMap<>();
    private final Properties data;

    private KieSoraModels(Properties data) {
        this.data = data;
        for (String key : data.stringPropertyNames()) {
            if (key.startsWith(SLUG)) {
                slugs.put(key.substring(SLUG.length()), data.getProperty(key).trim());
            }
        }
    }

    /** The built-in mapping. */
    public static KieSoraModels builtIn() {
        return new KieSoraModels(PropertiesResource.load(KieSoraModels.class, "sora-kie-models.properties"));
    }

    /** The allowed values of each model family on Kie. */
    public static ModelRules rules() {
        return ModelRules.fromResource(KieSoraModels.class, "sora-kie-rules.properties");
    }

    /**
     * The market slug of a model and operation (textToVideo, imageToVideo, storyboard).
     *
     * @throws VideoRequestInvalidException when none is known, naming the models that have one
     */
    public String slugOf(String model, String operation) {
        return find(model, operation).orElseThrow(() -> new VideoRequestInvalidException("Invalid model '" + model
                + "': no Kie.ai market model makes " + operation + " of it with provider kie. Allowed: "
                + String.join(", ", familiesOf(operation)), "model"));
    }

    /** The market slug of a model and operation, or empty when Kie has none. */
    public Optional<String> find(String model, String operation) {
        return familyOf(model, operation).map(f -> slugs.get(f + "|" + operation));
    }

    /** The watermark remover's slug. */
    public String watermarkRemover() {
        return data.getProperty("watermarkRemover").trim();
    }

    /** Whether the model's input takes a size tier (standard, high). */
    public boolean hasSizeTiers(String model) {
        return list("sizeTiers").stream().filter(model::startsWith).findAny().isPresent();
    }

    /** The size tier of a size: high for the sizes listed as high, standard otherwise. */
    public String tierOf(String size) {
        return size != null && list("highSizes").contains(size) ? "high" : "standard";
    }

    /** What one storyboard task holds (its allowed totals are the rules' storyboardSeconds). */
    public MultiShotPlan.Limits storyboardLimits() {
        return new MultiShotPlan.Limits(number("storyboard.maxShots"), number("storyboard.maxTotalSeconds"),
                number("storyboard.minShotSeconds"), MAX_PROMPT_LENGTH);
    }

    private int number(String key) {
        return Integer.parseInt(data.getProperty(key).trim());
    }

    private Optional<String> familyOf(String model, String operation) {
        if (model == null) {
            return Optional.empty();
        }
        return slugs.keySet().stream().filter(k -> k.endsWith("|" + operation))
                .map(k -> k.substring(0, k.length() - operation.length() - 1)).filter(model::startsWith)
                .max(Comparator.comparingInt(String::length));
    }

    private Set<String> familiesOf(String operation) {
        return slugs.keySet().stream().filter(k -> k.endsWith("|" + operation))
                .map(k -> k.substring(0, k.length() - operation.length() - 1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> list(String key) {
        return Arrays.stream(data.getProperty(key, "").split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .collect(Collectors.toSet());
    }
}
