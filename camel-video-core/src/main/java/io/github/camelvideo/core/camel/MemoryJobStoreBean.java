package io.github.camelvideo.core.camel;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.BeanRepository;
import org.apache.camel.support.DefaultRegistry;

import io.github.camelvideo.core.job.InMemoryJobStore;

/**
 * Makes {@code jobStore=#memoryJobStore} work without a bean of the user's: one {@link InMemoryJobStore} per Camel
 * context, found by that name only. It is not found by type, so that it is never autowired as the job store of a
 * component that left the option unset (those get the durable file store).
 */
final class MemoryJobStoreBean implements BeanRepository {

    /** The bean name. */
    static final String NAME = "memoryJobStore";

    private final InMemoryJobStore store = new InMemoryJobStore();

    /** Adds the bean to the context's registry unless a video component already did, or the registry is not Camel's. */
    static void register(CamelContext context) {
        if (!(context.getRegistry() instanceof DefaultRegistry registry)) {
            return; // another registry: bind an InMemoryJobStore under the name yourself
        }
        synchronized (registry) {
            List<BeanRepository> repositories = registry.getRepositories();
            if (repositories == null || repositories.stream().noneMatch(MemoryJobStoreBean.class::isInstance)) {
                registry.addBeanRepository(new MemoryJobStoreBean());
            }
        }
    }

    @Override
    public Object lookupByName(String name) {
        return NAME.equals(name) ? store : null;
    }

    @Override
    public <T> T lookupByNameAndType(String name, Class<T> type) {
        return NAME.equals(name) && type.isInstance(store) ? type.cast(store) : null;
    }

    @Override
    public <T> Map<String, T> findByTypeWithName(Class<T> type) {
        return Map.of();
    }

    @Override
    public <T> Set<T> findByType(Class<T> type) {
        return Set.of();
    }
}
