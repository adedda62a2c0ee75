package io.github.camelvideo.core.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Loads the data files (rules, prices) that ship as classpath properties resources. */
public final class PropertiesResource {

    private PropertiesResource() {
    }

    /** Loads a resource relative to {@code owner}; a missing resource is a packaging error. */
    public static Properties load(Class<?> owner, String resource) {
        Properties p = new Properties();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource + " beside " + owner.getName());
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
