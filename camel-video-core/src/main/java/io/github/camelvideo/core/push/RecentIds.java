package io.github.camelvideo.core.push;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The delivery ids one receiver accepted recently, in memory: the replay check that answers at once, before the job
 * store's durable one. Bounded: when full of live ids it stops vouching (every id then counts as new here, and the
 * job store decides).
 */
final class RecentIds {

    private final int capacity;
    private final Map<String, Instant> ids = new ConcurrentHashMap<>();

    RecentIds(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Remembers {@code id} until {@code until}.
     *
     * @return {@code false} when the id is remembered already (a replay)
     */
    boolean rememberOnce(String id, Instant until, Instant now) {
        if (ids.size() >= capacity) {
            ids.values().removeIf(expiry -> !expiry.isAfter(now));
            if (ids.size() >= capacity) {
                return true;
            }
        }
        Instant known = ids.putIfAbsent(id, until);
        if (known == null) {
            return true;
        }
        if (!known.isAfter(now)) {
            return ids.replace(id, known, until);
        }
        return false;
    }
}
