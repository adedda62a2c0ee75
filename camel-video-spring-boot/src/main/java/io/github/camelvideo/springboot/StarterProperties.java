package io.github.camelvideo.springboot;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Copies a starter's properties onto its component, but only those the application actually sets. The
 * properties' initial values mirror the catalog's defaults for the IDE; copying them too would overwrite what the
 * component decides itself when an option is not set (a default that depends on the provider, an option that
 * only one provider takes).
 */
public final class StarterProperties {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)[^}]*}");

    private StarterProperties() {
    }

    /**
     * @param prefix        the starter's prefix, e.g. {@code camel.component.sora}
     * @param configuration the bound {@code @ConfigurationProperties} object
     */
    public static void copySetProperties(CamelContext camelContext, Environment environment, String prefix,
            Object configuration, Component target) {
        Map<String, Object> values = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
        values.remove("enabled");
        values.remove("customizer");
        Set<String> set = setOptions(environment, prefix);
        values.keySet().removeIf(option -> !set.contains(uniform(option)));
        checkResolved(prefix, values);
        CamelPropertiesHelper.setCamelProperties(camelContext, target, values, true);
    }

    /**
     * The options set under the prefix by any property source, in the uniform form of {@link #uniform}: relaxed
     * binding accepts {@code api-key}, {@code apiKey} and {@code CAMEL_COMPONENT_SORA_APIKEY} alike.
     */
    static Set<String> setOptions(Environment environment, String prefix) {
        Map<String, Object> bound = Binder.get(environment)
                .bind(prefix, Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
        return bound.keySet().stream().map(StarterProperties::uniform).collect(Collectors.toSet());
    }

    /**
     * Fails on a value that still holds a {@code ${...}} placeholder. Spring Boot binds an unresolvable placeholder
     * as its literal text, so {@code api-key=${OPENAI_API_KEY}} without that variable would otherwise send
     * "${OPENAI_API_KEY}" as the key. The message names the property and the placeholder, never the value.
     */
    static void checkResolved(String prefix, Map<String, Object> values) {
        values.forEach((option, value) -> {
            if (value instanceof String text) {
                Matcher placeholder = PLACEHOLDER.matcher(text);
                if (placeholder.find()) {
                    throw new IllegalArgumentException(prefix + "." + dashed(option)
                            + " refers to ${" + placeholder.group(1) + "}, which is not set: set the environment"
                            + " variable or property " + placeholder.group(1) + ", or the property itself");
                }
            }
        });
    }

    static String dashed(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    /** Lower case without dashes, the form in which Spring Boot compares property names. */
    static String uniform(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }
}
