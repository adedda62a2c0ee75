package io.github.camelvideo.core.support;

import java.util.Map;

/** Building the request bodies of provider APIs, where an option left unset is a field left out. */
public final class Maps {

    private Maps() {
    }

    /** Puts {@code value} under {@code key} unless it is {@code null}, so that the provider's default applies. */
    public static <V> void putIfSet(Map<String, V> map, String key, V value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
