package io.github.camelvideo.core.spi;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * A handle on one provider job: the provider name, the provider's job id and whatever else polling needs (for example
 * an operation name or a status URL). Small and serialisable, because it is what a job store keeps.
 *
 * @param provider   provider name, such as {@code openai}
 * @param id         the provider's job id
 * @param attributes extra values the provider needs to poll or download the job
 */
public record JobRef(String provider, String id, Map<String, String> attributes) implements Serializable {

    public JobRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static JobRef of(String provider, String id) {
        return new JobRef(provider, id, Map.of());
    }
}
