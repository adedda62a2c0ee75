package io.github.camelvideo.core.validate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.support.PropertiesResource;

/**
 * Allowed parameter values per model family, as data. A family is a model id prefix; the longest matching prefix
 * applies (so {@code sora-2-pro-2025-10-06} follows {@code sora-2-pro}, not {@code sora-2}). A model no family matches
 * is not checked, because rules that cannot be known are not enforced; a field a family does not list is not checked
 * either. Rules load from a properties resource ({@code <family>.<field>=v1,v2,...}) and can be overridden in code.
 */
public final class ModelRules {

    private final Map<String, Map<String, Set<String>>> families = new LinkedHashMap<>();

    /** Loads rules from a classpath properties resource. */
    public static ModelRules fromResource(Class<?> owner, String resource) {
        Properties p = PropertiesResource.load(owner, resource);
        ModelRules rules = new ModelRules();
        for (String key : p.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            rules.allow(key.substring(0, dot), key.substring(dot + 1), p.getProperty(key).split(","));
        }
        return rules;
    }

    /** Sets the allowed values of one field for a model family, replacing earlier ones. */
    public ModelRules allow(String family, String field, String... values) {
        families.computeIfAbsent(family.trim(), f -> new LinkedHashMap<>())
                .put(field.trim(), Arrays.stream(values).map(String::trim).filter(v -> !v.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
        return this;
    }

    /** The family that applies to a model, if any. */
    public Optional<String> familyOf(String model) {
        if (model == null) {
            return Optional.empty();
        }
        return families.keySet().stream().filter(model::startsWith).max(Comparator.comparingInt(String::length));
    }

    /** The allowed values of a field for a model, if the rules know them. */
    public Optional<Set<String>> allowed(String model, String field) {
        return familyOf(model).map(families::get).map(f -> f.get(field));
    }

    /** The allowed values of a numeric field for a model, or {@code null} when the rules do not know them. */
    public Set<Integer> numbers(String model, String field) {
        return allowed(model, field)
                .map(values -> values.stream().map(Integer::valueOf).collect(Collectors.toSet())).orElse(null);
    }

    /** The single value of a numeric field (such as a maximum) for a model, or {@code null} when not known. */
    public Integer number(String model, String field) {
        Set<Integer> values = numbers(model, field);
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    /**
     * Fails when the rules know the field's allowed values for this model and the value is not one of them.
     *
     * @throws VideoRequestInvalidException naming the field, the value, the model and what is allowed
     */
    public void check(String model, String field, Object value) {
        if (value == null) {
            return;
        }
        allowed(model, field).ifPresent(allowed -> {
            if (!allowed.contains(String.valueOf(value))) {
                throw new VideoRequestInvalidException("Invalid " + field + " '" + value + "' for model '" + model
                                                       + "'. Allowed: " + String.join(", ", allowed), field);
            }
        });
    }
}
