package io.github.camelvideo.core.camel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Message;
import org.apache.camel.support.PatternHelper;

/** The headers of a submitting exchange that the {@code storedHeaders} option keeps with its job, as text. */
final class StoredHeaders {

    private StoredHeaders() {
    }

    /**
     * The message's headers whose names match one of the patterns (Camel's {@link PatternHelper}: an exact name, a
     * trailing {@code *} wildcard, or a regular expression), each converted to text; headers without a value are left
     * out.
     */
    static Map<String, String> of(Message message, List<String> patterns) {
        if (patterns.isEmpty()) {
            return Map.of();
        }
        Map<String, String> kept = new LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (value != null && PatternHelper.matchPatterns(name, patterns.toArray(String[]::new))) {
                String text = message.getExchange().getContext().getTypeConverter().tryConvertTo(String.class,
                        message.getExchange(), value);
                if (text != null) {
                    kept.put(name, text);
                }
            }
        });
        return kept;
    }
}
