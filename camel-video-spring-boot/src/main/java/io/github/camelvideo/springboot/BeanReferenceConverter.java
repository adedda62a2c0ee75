package io.github.camelvideo.springboot;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds a {@code camel.component.<scheme>.*} property whose option is an object (a job store, model rules, a
 * price table, a configuration) from a bean reference: {@code #bean:name} or {@code #name}, as in Camel's own
 * starters. A reference to a missing bean fails the start with the property's name instead of leaving the
 * option silently unset.
 */
public final class BeanReferenceConverter implements GenericConverter {

    private static final String BEAN_PREFIX = "#bean:";

    private final ApplicationContext applicationContext;
    private final String propertyPrefix;
    private final Set<ConvertiblePair> pairs = new LinkedHashSet<>();

    /**
     * @param propertyPrefix the starter's prefix, for messages, e.g. {@code camel.component.sora}
     * @param targetTypes    the option types that may be given as references
     */
    public BeanReferenceConverter(ApplicationContext applicationContext, String propertyPrefix,
            Set<Class<?>> targetTypes) {
        this.applicationContext = applicationContext;
        this.propertyPrefix = propertyPrefix;
        targetTypes.forEach(type -> pairs.add(new ConvertiblePair(String.class, type)));
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return pairs;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString().trim();
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException("A " + propertyPrefix + ".* property of type "
                    + targetType.getType().getName() + " takes a bean reference (#bean:name), not '" + reference
                    + "'");
        }
        String name = reference.startsWith(BEAN_PREFIX) ? reference.substring(BEAN_PREFIX.length())
                : reference.substring(1);
        if (!applicationContext.containsBean(name)) {
            throw new IllegalArgumentException("A " + propertyPrefix + ".* property refers to bean '" + name
                    + "', which does not exist");
        }
        return applicationContext.getBean(name, targetType.getType());
    }
}
